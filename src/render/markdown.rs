//! Markdown: CommonMark with GitHub tables, for a wiki or a mail.

use askama::Template;

use super::{RenderError, Renderer};
use crate::view::{BookBrief, Brief, Document, Page};

/// Escapes text for Markdown so that it can never become markup: a backslash before
/// `\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`, `|`, `~`, `&`, `#`, `!`, `$`; and before a leading
/// `-`, `+`, `=` or the `.`/`)` of a leading number (`1.`), which would start a list or a
/// heading. Line breaks become spaces, so a value never ends a table row or a paragraph.
#[derive(Debug, Clone, Copy)]
pub struct Markdown;

impl askama::filters::Escaper for Markdown {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, string: &str) -> std::fmt::Result {
        let leading_digits = string.chars().take_while(char::is_ascii_digit).count();
        for (i, c) in string.chars().enumerate() {
            match c {
                '\n' | '\r' | '\t' => dest.write_char(' ')?,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!'
                | '$' => {
                    dest.write_char('\\')?;
                    dest.write_char(c)?;
                }
                '-' | '+' | '=' if i == 0 => {
                    dest.write_char('\\')?;
                    dest.write_char(c)?;
                }
                '.' | ')' if i > 0 && i == leading_digits => {
                    dest.write_char('\\')?;
                    dest.write_char(c)?;
                }
                c => dest.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// Any brief as Markdown; `md/brief.md` picks the partial of its kind.
#[derive(Template)]
#[template(path = "md/brief.md", whitespace = "preserve")]
struct MarkdownDoc<'a> {
    page: &'a Page<'a>,
    /// The level of the brief's title: `#`, or `##` inside the book.
    hashes: &'a str,
    /// Whether the document is the whole book.
    book: bool,
    brief: &'a Brief,
}

impl Renderer for Markdown {
    fn render(&self, document: &Document) -> Result<Vec<u8>, RenderError> {
        let book = matches!(document.brief, Brief::Book(_));
        let doc = MarkdownDoc {
            page: &document.page,
            hashes: if book { "##" } else { "#" },
            book,
            brief: &document.brief,
        };
        Ok(tidy(doc.render()?).into_bytes())
    }
}

/// At most one blank line in a row, and one newline at the end.
fn tidy(text: String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_matches('\n');
    format!("{trimmed}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use askama::filters::Escaper;

    fn escape(text: &str) -> String {
        let mut out = String::new();
        Markdown
            .write_escaped_str(&mut out, text)
            .expect("write to a String");
        out
    }

    /// The text of `markdown` as a CommonMark parser with GitHub tables reads it, and
    /// whether it found anything else than text.
    fn parse(markdown: &str) -> (String, Vec<String>) {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let mut text = String::new();
        let mut other = Vec::new();
        for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::Start(
                    Tag::Paragraph
                    | Tag::Table(_)
                    | Tag::TableHead
                    | Tag::TableRow
                    | Tag::TableCell,
                )
                | Event::End(
                    TagEnd::Paragraph
                    | TagEnd::Table
                    | TagEnd::TableHead
                    | TagEnd::TableRow
                    | TagEnd::TableCell,
                ) => {}
                Event::SoftBreak => text.push(' '),
                e => other.push(format!("{e:?}")),
            }
        }
        (text, other)
    }

    proptest::proptest! {
        #[test]
        fn any_text_stays_text(text in "\\PC*") {
            // A paragraph: what a parser reads back is the text, less the blanks that
            // CommonMark trims at the ends.
            let escaped = escape(&text);
            let (read, other) = parse(&format!("x {escaped} x"));
            proptest::prop_assert!(other.is_empty(), "{other:?} in {escaped:?}");
            let expected: String = format!("x {} x", text.replace(['\n', '\r', '\t'], " "));
            let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(squash(&read), squash(&expected));
        }

        #[test]
        fn any_text_stays_in_its_table_cell(text in "\\PC*") {
            let escaped = escape(&text);
            let table = format!("| a | b |\n|---|---|\n| x {escaped} x | y |\n");
            let (read, other) = parse(&table);
            proptest::prop_assert!(other.is_empty(), "{other:?} in {escaped:?}");
            proptest::prop_assert!(read.ends_with('y'), "{read:?}");
        }
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("*x* _y_ | <z> #w"),
            "\\*x\\* \\_y\\_ \\| \\<z\\> \\#w"
        );
        assert_eq!(escape("1. a"), "1\\. a");
        assert_eq!(escape("- a-b"), "\\- a-b");
        assert_eq!(escape("a\nb"), "a b");
        assert_eq!(escape("start-ups, 30,4 %"), "start-ups, 30,4 %");
    }
}
