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

    /// Renders the finding with an excerpt of `text`, the content of its file.
    pub fn render(&self, text: Option<&str>) -> String {
        let level = match self.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let message = self.message();
        let (label, help) = (self.label(), self.help());
        let title = level.primary_title(&message);
        let mut group = match (text, &self.span) {
            (Some(text), Some(span)) => {
                let span = clamp(text, span.clone());
                let mut annotation = AnnotationKind::Primary.span(span);
                if let Some(label) = &label {
                    annotation = annotation.label(label);
                }
                title.element(
                    Snippet::source(text)
                        .path(&self.file)
                        .fold(true)
                        .annotation(annotation),
                )
            }
            _ => title.element(Level::NOTE.message(format!("in `{}`", self.file))),
        };
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help));
        }
        Renderer::plain().render(&[group]).to_string()
    }
}

/// The 1-based line and column (in characters) where `span` starts in `text`.
pub fn line_col(text: &str, span: &Range<usize>) -> Option<(usize, usize)> {
    let start = span.start.min(text.len());
    let before = text.get(..start)?;
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    Some((line, col))
}

/// Keeps a span inside `text`, on character boundaries, and on its first line.
fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if let Some(newline) = text[start..end].find('\n') {
        end = start + newline;
    }
    start..end
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}
