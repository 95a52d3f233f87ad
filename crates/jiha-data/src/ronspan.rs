//! Where each value of a RON document stands in its text, by path (`figures[2].source`).
//!
//! `ron` reports where a syntax or type error is, but not where a value it parsed came from;
//! the checks need that to locate a dangling reference or an out-of-range number. This is a
//! small, lenient scanner run on text that `ron` has already accepted.

use std::collections::HashMap;
use std::ops::Range;

/// The byte spans of a document's values, keyed by their path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    /// Whole value, from its first to its last byte.
    values: HashMap<String, Range<usize>>,
    /// For a value written `Name(...)`, the span of `Name`; for a bare `(...)` or `[...]`,
    /// its opening bracket. Points at a multi-line value without underlining all of it.
    heads: HashMap<String, Range<usize>>,
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
        let mut path = path;
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
        let start = i;
        let b = bytes[i];
        let kind = match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                // RON block comments nest.
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
                continue;
            }
            b'"' => {
                i = skip_quoted(bytes, i, b'"');
                Kind::Atom
            }
            b'\'' => {
                i = skip_quoted(bytes, i, b'\'');
                Kind::Atom
            }
            b'r' | b'b' if raw_string_start(bytes, i).is_some() => {
                i = skip_raw_string(bytes, i);
                Kind::Atom
            }
            b'(' | b'[' | b'{' => {
                i += 1;
                Kind::Open(b)
            }
            b')' | b']' | b'}' => {
                i += 1;
                Kind::Close(b)
            }
            b':' => {
                i += 1;
                Kind::Colon
            }
            b',' => {
                i += 1;
                Kind::Comma
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                if bytes[i..].starts_with(b"r#") {
                    i += 2;
                }
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                Kind::Ident
            }
            _ => {
                // Numbers and anything else: up to the next delimiter.
                i += 1;
                while i < bytes.len()
                    && !matches!(
                        bytes[i],
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
                {
                    i += 1;
                }
                Kind::Atom
            }
        };
        tokens.push(Token {
            kind,
            span: (start, i),
        });
    }
    tokens
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
                    self.value(format!("{path}.{key}"), depth + 1);
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
