//! Where each value of a RON document stands in its text, by path (`figures[2].source`).
//!
//! `ron` reports where a syntax or type error is, but not where a value it parsed came from;
//! the checks need that to locate a dangling reference or an out-of-range number. This is a
//! small, lenient scanner run on text that `ron` has already accepted.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The byte spans of a document's values, keyed by their path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    /// Whole value, from its first to its last byte.
    values: HashMap<String, Range<usize>>,
    /// For a value written `Name(...)`, the span of `Name`; for a bare `(...)` or `[...]`,
    /// its opening bracket. Points at a multi-line value without underlining all of it.
    heads: HashMap<String, Range<usize>>,
    /// For a value in a `{key: value}` map, the span of its key; for a key written twice,
    /// its last occurrence.
    keys: HashMap<String, Range<usize>>,
    /// The paths of values written `Some(...)`, whose inside is their element `0`.
    somes: HashSet<String>,
}

impl SpanIndex {
    /// Indexes `text`. Never fails: what it cannot read is simply not indexed.
    pub fn new(text: &str) -> SpanIndex {
        let mut scanner = Scanner {
            text,
            tokens: tokenize(text),
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
            if let Some(span) = self.values.get(path) {
                if !text[span.clone()].contains('\n') {
                    return Some(span.clone());
                }
                return self.heads.get(path).cloned().or(Some(span.clone()));
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
        self.values.get(path).cloned()
    }

    /// Every indexed path, in no particular order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }
}

/// The double-quoted string that ends last at or before `offset`, if the token there is one:
/// to tell an unclosed string from the error it causes further on.
pub(crate) fn string_before(text: &str, offset: usize) -> Option<Range<usize>> {
    let token = tokenize(text)
        .into_iter()
        .take_while(|t| t.span.1 <= offset)
        .last()?;
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

fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (kind, end) = token_at(bytes, i);
        if let Some(kind) = kind {
            tokens.push(Token {
                kind,
                span: (i, end),
            });
        }
        i = end;
    }
    tokens
}

/// The token that starts at `i` (`None` for a blank or a comment) and where it ends, always
/// past `i`.
fn token_at(bytes: &[u8], i: usize) -> (Option<Kind>, usize) {
    let b = bytes[i];
    let next = bytes.get(i + 1);
    match b {
        b' ' | b'\t' | b'\r' | b'\n' => (None, i + 1),
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
    bytes[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| start + p)
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
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
        i += 1;
    }
    i
}

/// A number or anything else: up to the next delimiter, at least one byte.
fn skip_atom(bytes: &[u8], start: usize) -> usize {
    let delimiter = |b: &u8| {
        matches!(
            b,
            b' ' | b'\t'
                | b'\r'
                | b'\n'
                | b','
                | b':'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'/'
        )
    };
    bytes[start + 1..]
        .iter()
        .position(delimiter)
        .map_or(bytes.len(), |p| start + 1 + p)
}

fn skip_quoted(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
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
        self.index.heads.insert(path.clone(), head);
        self.index.values.insert(path, start..end);
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
                        name
                    } else {
                        format!("{path}.{name}")
                    };
                    self.value(child, depth + 1);
                }
                _ => {
                    let child = if close == b']' {
                        format!("{path}[{position}]")
                    } else if path.is_empty() {
                        format!("{position}")
                    } else {
                        format!("{path}.{position}")
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
                    let key = self.text_of(token);
                    let at = format!("{path}.{key}");
                    self.index
                        .keys
                        .insert(at.clone(), token.span.0..token.span.1);
                    self.value(at, depth + 1);
                    if let Some(Token {
                        kind: Kind::Colon, ..
                    }) = self.peek(0)
                    {
                        self.pos += 1;
                        self.value(format!("{path}.{key}"), depth + 1);
                    }
                }
            }
        }
    }

    fn text_of(&self, token: Token) -> String {
        self.text[token.span.0..token.span.1].to_string()
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
