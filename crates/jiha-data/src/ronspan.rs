//! Where each value of a RON document stands in its text, by path (`figures[2].source`).
//!
//! `ron` reports where a syntax or type error is, but not where a value it parsed came from;
//! the checks need that to locate a dangling reference or an out-of-range number. This is a
//! small, lenient scanner run on text that `ron` has already accepted.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Paths hashed with foldhash: the index is built for every file checked, and SipHash was a
/// quarter of that; its seed is still random, so hostile keys cannot aim at collisions.
type Paths<V> = HashMap<String, V, foldhash::fast::RandomState>;

/// The byte spans of a document's values, keyed by their path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    values: Paths<Spans>,
    /// For a value in a `{key: value}` map, the span of its key; for a key written twice,
    /// its last occurrence.
    keys: Paths<Range<usize>>,
    /// The paths of values written `Some(...)`, whose inside is their element `0`.
    somes: HashSet<String, foldhash::fast::RandomState>,
}

/// Where one value stands.
#[derive(Debug)]
struct Spans {
    /// Whole value, from its first to its last byte.
    value: Range<usize>,
    /// For a value written `Name(...)`, the span of `Name`; for a bare `(...)` or `[...]`,
    /// its opening bracket. Points at a multi-line value without underlining all of it.
    head: Range<usize>,
}

impl SpanIndex {
    /// Indexes `text`. Never fails: what it cannot read is simply not indexed.
    pub fn new(text: &str) -> SpanIndex {
        let mut scanner = Scanner {
            text,
            tokens: tokens(text).collect(),
            pos: 0,
            index: SpanIndex::default(),
        };
        scanner.value(String::new(), 0);
        scanner.index
    }

    /// The span to point at for `path`: the value itself when it fits on one line, else its
    /// head. A path that is absent (an omitted field) falls back to its nearest parent.
    pub fn locate(&self, text: &str, path: &str) -> Option<Range<usize>> {
        let inside = self.inside_somes(path);
        let mut path = inside.as_str();
        loop {
            if let Some(Spans { value, head }) = self.values.get(path) {
                let one_line = !text[value.clone()].contains('\n');
                return Some(if one_line { value } else { head }.clone());
            }
            path = parent(path)?;
        }
    }
}

impl SpanIndex {
    /// `path` with `.0` after each part written `Some(...)` in the text: the model's path of
    /// an optional field's inside (`publisher."fr"`) as the text writes it
    /// (`publisher.0."fr"`).
    fn inside_somes(&self, path: &str) -> String {
        if self.somes.is_empty() {
            return path.to_string();
        }
        let mut out = String::with_capacity(path.len() + 4);
        for (i, c) in path.char_indices() {
            if matches!(c, '.' | '[')
                && self.somes.contains(&path[..i])
                && !path[i..].starts_with(".0")
            {
                out.push_str(".0");
            }
            out.push(c);
        }
        out
    }

    /// The span of the key of the map entry at `path` (its last occurrence), else where
    /// [`SpanIndex::locate`] points.
    pub fn locate_key(&self, text: &str, path: &str) -> Option<Range<usize>> {
        match self.keys.get(&self.inside_somes(path)) {
            Some(span) => Some(span.clone()),
            None => self.locate(text, path),
        }
    }
}

impl SpanIndex {
    /// The whole span of the value at `path`, without falling back to a parent: to read or
    /// replace exactly that value.
    pub fn value(&self, path: &str) -> Option<Range<usize>> {
        self.values.get(path).map(|s| s.value.clone())
    }

    /// Every indexed path, in no particular order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }
}

/// The double-quoted string that ends last at or before `offset`, if the token there is one:
/// to tell an unclosed string from the error it causes further on.
pub(crate) fn string_before(text: &str, offset: usize) -> Option<Range<usize>> {
    let token = tokens(text).take_while(|t| t.span.1 <= offset).last()?;
    let is_string = token.kind == Kind::Atom && text.as_bytes()[token.span.0] == b'"';
    is_string.then_some(token.span.0..token.span.1)
}

/// Where the decoded byte `decoded` of a RON string literal stands in the literal as
/// written (escapes and all); `None` when the literal cannot be walked to it.
pub(crate) fn string_offset(literal: &str, decoded: usize) -> Option<usize> {
    let bytes = literal.as_bytes();
    if let Some(raw) = literal.strip_prefix('r') {
        let hashes = raw.bytes().take_while(|&b| b == b'#').count();
        return Some(1 + hashes + 1 + decoded).filter(|&at| at <= literal.len());
    }
    if !literal.starts_with('"') {
        return None;
    }
    let (mut at, mut done) = (1, 0);
    while done < decoded {
        let b = *bytes.get(at)?;
        if b == b'\\' {
            match *bytes.get(at + 1)? {
                b'x' => (at, done) = (at + 4, done + 1),
                b'u' => {
                    let close = literal[at..].find('}')? + at;
                    let code = u32::from_str_radix(literal.get(at + 3..close)?, 16).ok()?;
                    (at, done) = (close + 1, done + char::from_u32(code)?.len_utf8());
                }
                _ => (at, done) = (at + 2, done + 1),
            }
        } else {
            let c = literal[at..].chars().next()?;
            (at, done) = (at + c.len_utf8(), done + c.len_utf8());
        }
    }
    (done == decoded).then_some(at)
}

/// `a.b[2]` -> `a.b`, `a.b` -> `a`, `a` -> ``, `` -> none.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ident,
    Atom,
    Open(u8),
    Close(u8),
    Colon,
    Comma,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    span: (usize, usize),
}

/// The tokens of `text`, in order, read as they are asked for.
fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let start = i;
            let (kind, end) = token_at(bytes, start);
            i = end;
            if let Some(kind) = kind {
                return Some(Token {
                    kind,
                    span: (start, end),
                });
            }
        }
        None
    })
}

/// The token that starts at `i` (`None` for a blank or a comment) and where it ends, always
/// past `i`.
fn token_at(bytes: &[u8], i: usize) -> (Option<Kind>, usize) {
    let b = bytes[i];
    let next = bytes.get(i + 1);
    match b {
        b' ' | b'\t' | b'\r' | b'\n' => (None, run_end(bytes, i, BLANK)),
        b'/' if next == Some(&b'/') => (None, skip_line_comment(bytes, i)),
        b'/' if next == Some(&b'*') => (None, skip_block_comment(bytes, i)),
        b'"' | b'\'' => (Some(Kind::Atom), skip_quoted(bytes, i, b)),
        b'r' | b'b' if raw_string_start(bytes, i).is_some() => {
            (Some(Kind::Atom), skip_raw_string(bytes, i))
        }
        b'(' | b'[' | b'{' => (Some(Kind::Open(b)), i + 1),
        b')' | b']' | b'}' => (Some(Kind::Close(b)), i + 1),
        b':' => (Some(Kind::Colon), i + 1),
        b',' => (Some(Kind::Comma), i + 1),
        b if b.is_ascii_alphabetic() || b == b'_' => (Some(Kind::Ident), skip_ident(bytes, i)),
        // Numbers and anything else.
        _ => (Some(Kind::Atom), skip_atom(bytes, i)),
    }
}

/// `// ...` up to the end of the line.
fn skip_line_comment(bytes: &[u8], start: usize) -> usize {
    memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |p| start + p)
}

/// `/* ... */`; RON block comments nest.
fn skip_block_comment(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    let mut depth = 0usize;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                break;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// An identifier, raw (`r#type`) or not.
fn skip_ident(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    if bytes[i..].starts_with(b"r#") {
        i += 2;
    }
    run_end(bytes, i, WORD)
}

/// A number or anything else: up to the next delimiter, at least one byte.
fn skip_atom(bytes: &[u8], start: usize) -> usize {
    let after = start + 1;
    (bytes[after..].iter())
        .position(|&b| CLASSES[usize::from(b)] & DELIMITER != 0)
        .map_or(bytes.len(), |p| after + p)
}

/// The classes of a byte, one bit each, looked up rather than compared byte by byte: a blank,
/// a byte of an identifier, a byte that ends an atom.
const BLANK: u8 = 1;
const WORD: u8 = 2;
const DELIMITER: u8 = 4;
static CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if matches!(byte, b' ' | b'\t' | b'\r' | b'\n') {
            classes[b] |= BLANK | DELIMITER;
        }
        if byte.is_ascii_alphanumeric() || byte == b'_' {
            classes[b] |= WORD;
        }
        if matches!(
            byte,
            b',' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'/'
        ) {
            classes[b] |= DELIMITER;
        }
        b += 1;
    }
    classes
};

/// Where the run of bytes of `class` that starts at `start` ends.
fn run_end(bytes: &[u8], start: usize, class: u8) -> usize {
    (bytes[start..].iter())
        .position(|&b| CLASSES[usize::from(b)] & class == 0)
        .map_or(bytes.len(), |p| start + p)
}

/// A quoted string or character, up to its closing quote. Most of a data file's bytes are in
/// its strings: `memchr` finds the next quote or backslash without looking at each byte.
fn skip_quoted(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut i = start + 1;
    while let Some(at) = bytes
        .get(i..)
        .and_then(|rest| memchr::memchr2(b'\\', quote, rest))
    {
        i += at;
        if bytes[i] == quote {
            return i + 1;
        }
        i += 2;
    }
    bytes.len()
}

/// For `r"`, `r#"`, `br#"`...: the number of `#`.
fn raw_string_start(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    if bytes.get(i) == Some(&b'b') {
        i += 1;
    }
    if bytes.get(i) != Some(&b'r') {
        return None;
    }
    i += 1;
    let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
    (bytes.get(i + hashes) == Some(&b'"')).then_some(hashes)
}

fn skip_raw_string(bytes: &[u8], start: usize) -> usize {
    let hashes = raw_string_start(bytes, start).unwrap_or(0);
    let open = bytes[start..]
        .iter()
        .position(|&b| b == b'"')
        .map_or(bytes.len(), |p| start + p + 1);
    let mut close = Vec::with_capacity(hashes + 1);
    close.push(b'"');
    close.extend(std::iter::repeat_n(b'#', hashes));
    let mut i = open;
    while i < bytes.len() {
        if bytes[i..].starts_with(&close) {
            return i + close.len();
        }
        i += 1;
    }
    bytes.len()
}

/// `parts` end to end, in one allocation: a path is built for every value of every file.
fn joined(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// Deeper than any dataset needs; keeps hostile input from exhausting the stack.
const MAX_DEPTH: usize = 128;

struct Scanner<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    index: SpanIndex,
}

impl Scanner<'_> {
    fn peek(&self, ahead: usize) -> Option<Token> {
        self.tokens.get(self.pos + ahead).copied()
    }

    fn bump(&mut self) -> Option<Token> {
        let token = self.peek(0)?;
        self.pos += 1;
        Some(token)
    }

    fn value(&mut self, path: String, depth: usize) {
        let Some(first) = self.bump() else { return };
        if depth > MAX_DEPTH {
            return;
        }
        let start = first.span.0;
        let mut end = first.span.1;
        let head = first.span.0..first.span.1;
        match first.kind {
            Kind::Ident => {
                if let Some(Token {
                    kind: Kind::Open(b'('),
                    ..
                }) = self.peek(0)
                {
                    if &self.text[head.clone()] == "Some" {
                        self.index.somes.insert(path.clone());
                    }
                    self.pos += 1;
                    end = self.body(&path, b')', depth);
                }
            }
            Kind::Open(b'[') => end = self.body(&path, b']', depth),
            Kind::Open(b'(') => end = self.body(&path, b')', depth),
            Kind::Open(b'{') => end = self.map(&path, depth),
            _ => {}
        }
        let spans = Spans {
            value: start..end,
            head,
        };
        self.index.values.insert(path, spans);
    }

    /// The inside of `(...)` or `[...]`: named fields or positional elements. Returns the
    /// end of the closing bracket.
    fn body(&mut self, path: &str, close: u8, depth: usize) -> usize {
        let mut position = 0;
        loop {
            let Some(token) = self.peek(0) else {
                return self.tokens.last().map_or(0, |t| t.span.1);
            };
            match token.kind {
                Kind::Close(_) => {
                    self.pos += 1;
                    return token.span.1;
                }
                Kind::Comma => self.pos += 1,
                Kind::Ident
                    if close == b')'
                        && matches!(
                            self.peek(1),
                            Some(Token {
                                kind: Kind::Colon,
                                ..
                            })
                        ) =>
                {
                    self.pos += 2;
                    let name = self.text_of(token);
                    let child = if path.is_empty() {
                        name.to_string()
                    } else {
                        joined(&[path, ".", name])
                    };
                    self.value(child, depth + 1);
                }
                _ => {
                    let number = position.to_string();
                    let child = if close == b']' {
                        joined(&[path, "[", &number, "]"])
                    } else if path.is_empty() {
                        number
                    } else {
                        joined(&[path, ".", &number])
                    };
                    position += 1;
                    let before = self.pos;
                    self.value(child, depth + 1);
                    if self.pos == before {
                        self.pos += 1;
                    }
                }
            }
        }
    }

    /// The inside of `{...}`: values are indexed under their key's text.
    fn map(&mut self, path: &str, depth: usize) -> usize {
        loop {
            let Some(token) = self.peek(0) else {
                return self.tokens.last().map_or(0, |t| t.span.1);
            };
            match token.kind {
                Kind::Close(_) => {
                    self.pos += 1;
                    return token.span.1;
                }
                Kind::Comma | Kind::Colon => self.pos += 1,
                _ => {
                    let at = joined(&[path, ".", self.text_of(token)]);
                    self.index
                        .keys
                        .insert(at.clone(), token.span.0..token.span.1);
                    self.value(at, depth + 1);
                    if let Some(Token {
                        kind: Kind::Colon, ..
                    }) = self.peek(0)
                    {
                        self.pos += 1;
                        let key = &self.text[token.span.0..token.span.1];
                        self.value(joined(&[path, ".", key]), depth + 1);
                    }
                }
            }
        }
    }

    fn text_of(&self, token: Token) -> &str {
        &self.text[token.span.0..token.span.1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_located_past_comments_strings_and_raw_identifiers() {
        let text = "// a comment (\n/* nested /* ( */ [ */\nFigure(\n    r#type: \"a, b )\",\n    note: r#\"x\"# , value: Percent(-1.5),\n    list: [1, 'c', {\"k\": v}],\n)\n";
        let index = SpanIndex::new(text);
        let at = |path: &str| index.locate(text, path).map(|s| &text[s]);
        assert_eq!(at("r#type"), Some("\"a, b )\""));
        assert_eq!(at("note"), Some("r#\"x\"#"));
        assert_eq!(at("value"), Some("Percent(-1.5)"));
        assert_eq!(at("value.0"), Some("-1.5"));
        assert_eq!(at("list[1]"), Some("'c'"));
        assert_eq!(at("list[2].\"k\""), Some("v"));
        assert_eq!(at(""), Some("Figure"));
        assert_eq!(at("missing.field"), Some("Figure"));
    }

    #[test]
    fn an_optional_value_is_located_inside_its_some() {
        let text = "(\n    publisher: Some({\n        \"fr\": \"a\",\n        \"en\": \"b\",\n    }),\n    source: Some(\"x\"),\n    note: None,\n)\n";
        let index = SpanIndex::new(text);
        let at = |path: &str| index.locate(text, path).map(|span| &text[span]);
        assert_eq!(at("publisher.\"fr\""), Some("\"a\""));
        assert_eq!(at("publisher.\"en\""), Some("\"b\""));
        assert_eq!(at("publisher.0.\"fr\""), Some("\"a\""));
        assert_eq!(at("source"), Some("Some(\"x\")"));
        assert_eq!(at("source.0"), Some("\"x\""));
        assert_eq!(at("note"), Some("None"));
    }

    #[test]
    fn a_decoded_offset_is_found_in_its_literal() {
        let literal = r#""a\"é\u{e9}\n{x}""#;
        // Decoded: a " é é \n { x }
        assert_eq!(string_offset(literal, 0), Some(1));
        assert_eq!(string_offset(literal, 2), Some(4));
        assert_eq!(string_offset(literal, 4), Some(6));
        assert_eq!(string_offset(literal, 6), Some(12));
        assert_eq!(string_offset(literal, 7), Some(14));
        assert_eq!(&literal[14..17], "{x}");
        assert_eq!(string_offset(r##"r#"{x}"#"##, 0), Some(3));
        assert_eq!(string_offset("\"ab\"", 9), None);
    }
}
