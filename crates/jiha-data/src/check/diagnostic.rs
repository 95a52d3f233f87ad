//! Findings located in their files, and their rendering as rustc-style excerpts.
//!
//! A [`Diagnostic`] ties a [`Finding`] to a file and a span; it renders as `path:line:col`,
//! the line, a caret with its label, and a `help:`.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

pub use crate::check::finding::Finding;

/// How serious a finding is: errors make a dataset unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding, located: the file, the bytes it is about, and what was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file, as the user named it (`data/regions.ron`).
    pub file: String,
    /// Bytes of the file it is about; `None` for a finding about the file as a whole.
    pub span: Option<Range<usize>>,
    /// What was found; the message, label and help are derived from it.
    pub finding: Finding,
}

impl Diagnostic {
    /// A finding about `file` as a whole, located later with [`Diagnostic::at`]: the one way
    /// a diagnostic is built.
    pub fn new(file: &str, finding: impl Into<Finding>) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            span: None,
            finding: finding.into(),
        }
    }

    /// Points the finding at `span`.
    pub fn at(mut self, span: Option<Range<usize>>) -> Diagnostic {
        self.span = span;
        self
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.finding.severity()
    }

    /// What is wrong.
    pub fn message(&self) -> String {
        self.finding.message()
    }

    /// A short label under the caret.
    pub fn label(&self) -> Option<String> {
        self.finding.label()
    }

    /// What to do about it.
    pub fn help(&self) -> Option<String> {
        self.finding.help()
    }

    /// The 1-based line and column (in characters) where the finding starts.
    pub fn line_col(&self, text: &str) -> Option<(usize, usize)> {
        line_col(text, self.span.as_ref()?)
    }

    /// The message as the report shows it: every quoted value cut to a readable length,
    /// every control character visible.
    pub fn shown_message(&self) -> String {
        visible(&cap_quotes(&self.message()))
    }

    /// Renders the finding with an excerpt of `text`, the content of its file.
    pub fn render(&self, text: Option<&str>) -> String {
        let excerpt = match (text, &self.span) {
            (Some(text), Some(span)) => Some(Excerpt::find(text, span.start)),
            _ => None,
        };
        self.render_excerpt(excerpt)
    }

    /// Renders the finding with `excerpt`, the line of its file where it starts: the one line
    /// it quotes, cut to [`EXCERPT_WIDTH`] characters around the caret.
    pub fn render_excerpt(&self, excerpt: Option<Excerpt>) -> String {
        let level = match self.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let shown = |text: String| visible(&cap_quotes(&text));
        let message = self.shown_message();
        let (label, help) = (self.label().map(shown), self.help().map(shown));
        let file = visible(&self.file);
        let title = level.primary_title(&message);
        // The column the renderer computes from the line as shown, and the real one.
        let mut columns = None;
        let mut group = match (excerpt, &self.span) {
            (Some(excerpt), Some(span)) => {
                let (line, range) = excerpt.window(span);
                let shown = line[..range.start].chars().count() + 1;
                columns = Some((excerpt.number, shown, excerpt.column(span.start)));
                let mut annotation = AnnotationKind::Primary.span(range);
                if let Some(label) = &label {
                    annotation = annotation.label(label);
                }
                title.element(
                    Snippet::source(line)
                        .path(file.as_str())
                        .line_start(excerpt.number)
                        .annotation(annotation),
                )
            }
            _ => title.element(Level::NOTE.message(format!("in `{file}`"))),
        };
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help));
        }
        let rendered = Renderer::plain().render(&[group]).to_string();
        match columns {
            // A line cut on the left, or a control shown wider: the location names the
            // column in the file, not in the excerpt.
            Some((line, shown, real)) if shown != real => rendered.replacen(
                &format!("{file}:{line}:{shown}"),
                &format!("{file}:{line}:{real}"),
                1,
            ),
            _ => rendered,
        }
    }
}

/// The widest line an excerpt shows, in characters: a longer line is cut around the caret,
/// with `…` where it was cut.
pub const EXCERPT_WIDTH: usize = 240;

/// The longest value a message quotes whole, in characters; a longer one is cut with `…`.
pub const QUOTE_WIDTH: usize = 60;

/// The line of a file where a finding starts.
#[derive(Debug, Clone, Copy)]
pub struct Excerpt<'a> {
    /// The whole file.
    pub text: &'a str,
    /// The line, without its line break.
    pub line: &'a str,
    /// Its 1-based number.
    pub number: usize,
    /// Where it starts in the file, in bytes.
    pub offset: usize,
}

impl<'a> Excerpt<'a> {
    /// The line of `text` that holds `offset`, found without an index (reading the text up
    /// to it): for a single finding. A report uses its files' line indexes instead.
    pub fn find(text: &'a str, offset: usize) -> Excerpt<'a> {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let bytes = text.as_bytes();
        let start = memchr::memrchr(b'\n', &bytes[..offset]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[offset..]).map_or(text.len(), |i| offset + i);
        Excerpt {
            text,
            line: &text[start..end],
            number: memchr::memchr_iter(b'\n', &bytes[..start]).count() + 1,
            offset: start,
        }
    }

    /// The byte of the line that `offset` (in the file) stands for, on a character boundary.
    fn within(&self, offset: usize) -> usize {
        let mut at = offset.saturating_sub(self.offset).min(self.line.len());
        while !self.line.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// The 1-based column, in characters, of `offset` (in the file).
    pub fn column(&self, offset: usize) -> usize {
        self.line[..self.within(offset)].chars().count() + 1
    }

    /// The line as shown (cut to [`EXCERPT_WIDTH`] around `span`, controls made visible) and
    /// the span in it. A span that goes past the line stops at its end.
    fn window(&self, span: &Range<usize>) -> (String, Range<usize>) {
        let line = self.line.strip_suffix('\r').unwrap_or(self.line);
        let (start, end) = (
            self.within(span.start),
            self.within(span.end.max(span.start)),
        );
        let (start, end) = (start.min(line.len()), end.min(line.len()));
        let chars = line.chars().count();
        let caret = line[..start].chars().count();
        let first = if chars <= EXCERPT_WIDTH {
            0
        } else {
            caret
                .saturating_sub(EXCERPT_WIDTH / 3)
                .min(chars - EXCERPT_WIDTH)
        };
        let mut shown = String::new();
        if first > 0 {
            shown.push('…');
        }
        let (mut from, mut to) = (None, None);
        let mut taken = 0;
        for (at, c) in line.char_indices().skip(first) {
            if taken == EXCERPT_WIDTH {
                break;
            }
            if at >= start && from.is_none() {
                from = Some(shown.len());
            }
            if at >= end && to.is_none() {
                to = Some(shown.len());
            }
            push_visible(&mut shown, c);
            taken += 1;
        }
        let last = shown.len();
        if first + taken < chars {
            shown.push('…');
        }
        let from = from.unwrap_or(last);
        (shown, from..to.unwrap_or(last).max(from))
    }
}

/// `text` with every control character shown instead of acting on the terminal: C0
/// controls (but tabs) and DEL as their Unicode pictures (`␛`, `␍`, `␀`, `␡`, a line break
/// `␊`); C1 controls, bidi controls and line or paragraph separators as `\u{202e}`.
pub fn visible(text: &str) -> String {
    if !text.chars().any(needs_showing) {
        return text.to_string();
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut shown, c);
    }
    shown
}

/// Whether `c` is shown otherwise than as itself (see [`visible`]).
fn needs_showing(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
                | '\u{2028}' | '\u{2029}'
        )
}

fn push_visible(out: &mut String, c: char) {
    if !needs_showing(c) {
        out.push(c);
    } else if (c as u32) < 0x20 {
        out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
    } else if c == '\u{7f}' {
        out.push('\u{2421}');
    } else {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    }
}

/// `text` with every value it quotes between backticks cut to [`QUOTE_WIDTH`] characters,
/// and any other run to a few lines' worth: a message never echoes a huge value whole.
fn cap_quotes(text: &str) -> String {
    if text.len() <= QUOTE_WIDTH {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len().min(1024));
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        let width = if i % 2 == 1 {
            QUOTE_WIDTH
        } else {
            6 * QUOTE_WIDTH
        };
        match part.char_indices().nth(width) {
            Some((cut, _)) => {
                let keep = part[..cut]
                    .char_indices()
                    .nth(width - 1)
                    .map_or(cut, |(k, _)| k);
                out.push_str(&part[..keep]);
                out.push('…');
            }
            None => out.push_str(part),
        }
    }
    out
}

/// The 1-based line and column (in characters) where `span` starts in `text`.
pub fn line_col(text: &str, span: &Range<usize>) -> Option<(usize, usize)> {
    let excerpt = Excerpt::find(text, span.start);
    Some((excerpt.number, excerpt.column(span.start)))
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}
