//! Every finding of a load, with the texts needed to show them, rendered as they are written.
//!
//! Rendering is linear in the number of findings: each file's lines are indexed once, and
//! each finding shows one line of its file, cut to a readable width.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use crate::check::diagnostic::{Diagnostic, Excerpt, Severity, visible};

/// Every finding of a load, with the texts needed to show them.
#[derive(Debug, Default)]
pub struct Report {
    /// Findings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// File texts by display path, for the excerpts.
    texts: BTreeMap<String, FileText>,
    /// Render each finding on one line, without its excerpt.
    pub short: bool,
    /// How many bytes of the files locating and quoting the findings has read: each file's
    /// text once for its line index, then one line per finding. Kept to test that the report
    /// stays linear.
    scanned: AtomicUsize,
}

/// A file's text and, once a finding needs it, where each of its lines starts.
#[derive(Debug)]
struct FileText {
    /// Shared: a base of files checked once lends each check its texts.
    text: Arc<str>,
    lines: OnceLock<Vec<usize>>,
}

impl Report {
    /// The texts kept, by display path.
    pub(crate) fn texts(&self) -> BTreeMap<String, Arc<str>> {
        self.texts
            .iter()
            .map(|(display, file)| (display.clone(), Arc::clone(&file.text)))
            .collect()
    }

    /// Keeps the text of the file `display`, for the excerpts.
    pub(crate) fn keep_text(&mut self, display: &str, text: impl Into<Arc<str>>) {
        let text = text.into();
        let lines = OnceLock::new();
        self.texts
            .insert(display.to_string(), FileText { text, lines });
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == severity)
            .count()
    }

    /// The text of a file of the dataset, by display path.
    pub fn text(&self, display: &str) -> Option<&str> {
        self.texts.get(display).map(|f| &*f.text)
    }

    /// How many bytes of the files locating and quoting findings has read so far.
    pub fn bytes_scanned(&self) -> usize {
        self.scanned.load(Ordering::Relaxed)
    }

    /// The line of `file` that holds `offset`: its text, number and start, from the file's
    /// line index (built on first use).
    fn excerpt(&self, file: &str, offset: usize) -> Option<Excerpt<'_>> {
        let file = self.texts.get(file)?;
        let text: &str = &file.text;
        let lines = file.lines.get_or_init(|| {
            self.scanned.fetch_add(text.len(), Ordering::Relaxed);
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let offset = offset.min(text.len());
        let index = lines.partition_point(|&start| start <= offset).max(1) - 1;
        let start = lines[index];
        let end = lines.get(index + 1).map_or(text.len(), |&next| next - 1);
        self.scanned.fetch_add(end - start, Ordering::Relaxed);
        Some(Excerpt {
            text,
            line: &text[start..end],
            number: index + 1,
            offset: start,
        })
    }

    /// Every finding rendered, separated by blank lines.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_to(&mut out);
        out
    }

    /// Writes every finding as it is rendered, without building the whole report first.
    pub fn write_to(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        for d in &self.diagnostics {
            if self.short {
                let at = self.location(&d.file, d.span.as_ref());
                writeln!(
                    out,
                    "{}: {}: {}",
                    visible(&at),
                    d.severity(),
                    d.shown_message()
                )?;
            } else {
                let excerpt = d.span.as_ref().and_then(|s| self.excerpt(&d.file, s.start));
                out.write_str(&d.render_excerpt(excerpt))?;
                out.write_str("\n\n")?;
            }
        }
        Ok(())
    }

    /// Where a finding stands, as editors read it: `file:line:col`, or the file alone when
    /// it is about the whole file. The one place that writes a location.
    pub fn location(&self, file: &str, span: Option<&Range<usize>>) -> String {
        let at = span.and_then(|span| {
            let excerpt = self.excerpt(file, span.start)?;
            Some((excerpt.number, excerpt.column(span.start)))
        });
        match at {
            Some((line, col)) => format!("{file}:{line}:{col}"),
            None => file.to_string(),
        }
    }

    /// One line summing up the findings (`2 errors, 1 warning`).
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {}",
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::FileFinding;

    /// A report of `findings` findings, one per line of a file of `findings` short lines.
    fn report_on_long_file(findings: usize) -> Report {
        let line = "    \"an-id\",\n";
        let mut report = Report::default();
        report.keep_text("data/f.ron", line.repeat(findings));
        for i in 0..findings {
            let start = i * line.len() + 4;
            let diagnostic = Diagnostic::new("data/f.ron", FileFinding::NotInDataset);
            report
                .diagnostics
                .push(diagnostic.at(Some(start..start + 7)));
        }
        report
    }

    /// Locating and quoting N findings reads each file once, then one line per finding:
    /// the report is linear in the findings, whatever the size of the file (it used to read
    /// the whole file again for each finding: 64,000 findings took 48 s).
    #[test]
    fn the_report_reads_each_file_once_and_one_line_per_finding() {
        for short in [false, true] {
            let findings = 5_000;
            let mut report = report_on_long_file(findings);
            report.short = short;
            let text_len = report.text("data/f.ron").map_or(0, str::len);
            let rendered = report.render();
            assert_eq!(
                rendered.matches("not part of the dataset").count(),
                findings
            );
            assert!(rendered.contains("data/f.ron:5000:5"), "{short}");
            // The index (the file once) and one line of 12 bytes per finding.
            assert_eq!(report.bytes_scanned(), text_len + findings * 12);
        }
    }

    /// A line of 100,000 characters is quoted as a window around the caret, not whole.
    #[test]
    fn an_excerpt_quotes_one_line_cut_around_the_caret() {
        let mut report = Report::default();
        let text = format!(
            "{}\"bad\"{}\nnext line\n",
            "x".repeat(60_000),
            "y".repeat(40_000)
        );
        report.keep_text("data/f.ron", text);
        let finding = Diagnostic::new("data/f.ron", FileFinding::NotInDataset);
        report.diagnostics.push(finding.at(Some(60_000..60_005)));
        let rendered = report.render();
        assert!(rendered.len() < 2_000, "{} bytes", rendered.len());
        assert!(rendered.contains("data/f.ron:1:60001"), "{rendered}");
        assert!(rendered.contains("\"bad\""), "{rendered}");
        assert!(!rendered.contains("next line"), "{rendered}");
    }

    /// Control characters from the data act on no terminal: not in the excerpt, the
    /// message, the file name or a `--short` line.
    #[test]
    fn control_characters_are_shown_not_sent_to_the_terminal() {
        let hostile = "a\u{1b}]0;owned\u{7}\u{1b}[2J\r\u{8}\0\u{7f}\u{9b}\u{202e}\u{2066}\u{2028}b";
        for short in [false, true] {
            let mut report = Report {
                short,
                ..Report::default()
            };
            let file = format!("data/{hostile}.ron");
            report.keep_text(&file, format!("(x: \"{hostile}\")\n"));
            let finding = FileFinding::DecimalComma {
                written: hostile.to_string(),
            };
            report
                .diagnostics
                .push(Diagnostic::new(&file, finding).at(Some(5..6)));
            let rendered = report.render();
            let raw: Vec<char> = rendered
                .chars()
                .filter(|&c| {
                    (c.is_control() && c != '\n')
                        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}')
                })
                .collect();
            assert_eq!(raw, Vec::<char>::new(), "{rendered}");
            assert!(rendered.contains("a␛]0;owned␇␛[2J␍␈␀␡\\u{9b}\\u{202e}\\u{2066}\\u{2028}b"));
        }
    }

    /// A message never echoes a huge value whole.
    #[test]
    fn a_quoted_value_is_cut_to_a_readable_length() {
        let mut report = Report {
            short: true,
            ..Report::default()
        };
        report.keep_text("data/f.ron", String::new());
        let written = "1".repeat(100_000);
        let finding = FileFinding::DecimalComma { written };
        report
            .diagnostics
            .push(Diagnostic::new("data/f.ron", finding));
        let rendered = report.render();
        assert!(rendered.len() < 200, "{rendered}");
        assert!(
            rendered.contains(&format!("`{}…`", "1".repeat(59))),
            "{rendered}"
        );
    }
}
