//! Self-contained, printable HTML: inline CSS with the PDF's fonts inlined, no script,
//! nothing loaded from outside.

mod claims;
mod fonts;
mod subset;

use askama::Template;

use super::style::Style;
use super::{RenderError, Renderer};
use crate::view::{BookBrief, Brief, Document, Page};

/// The HTML format.
#[derive(Debug, Clone, Copy)]
pub struct Html {
    /// The user's style (`--style`): its CSS after the built-in stylesheet, its logo on the
    /// book's cover.
    pub style: &'static Style,
}

/// Any brief as an HTML page; `brief.html` picks the partial of its kind.
#[derive(Template)]
#[template(path = "brief.html")]
struct HtmlPage<'a> {
    page: &'a Page<'a>,
    /// Whether the page is the whole book (its partials then link by anchor).
    book: bool,
    brief: &'a Brief,
    /// The `@font-face` rules of the fonts the page shows (empty on the first pass, which
    /// finds the characters it shows).
    fonts: String,
    /// The user's CSS, after the built-in stylesheet ([`super::Style`]).
    css: &'a str,
    /// The user's logo, for the book's cover: its text alternative and its drawing as a data
    /// URL (an image, which runs nothing even if the drawing held a script).
    logo: Option<(&'a str, String)>,
    /// The speaker's claims the page shows, as schema.org `ClaimReview` JSON-LD (a
    /// `<script type="application/ld+json">` element, a data block that never runs); empty
    /// when it shows none.
    claim_reviews: String,
}

/// Template filters for HTML.
mod filters {
    use askama::filters::Safe;

    /// A CSS string literal (`"..."`), for the `content` of a page's margin boxes: quotes and
    /// backslashes escaped, and `<` too, so that no text can close the `<style>` element.
    #[askama::filter_fn]
    pub fn css_string(
        value: impl std::fmt::Display,
        _: &dyn askama::Values,
    ) -> askama::Result<Safe<String>> {
        Ok(Safe(super::css_string_literal(&value.to_string())))
    }
}

/// `text` as a CSS string literal; a character CSS could misread is written as its escape.
fn css_string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Renderer for Html {
    fn render(&self, document: &Document) -> Result<Vec<u8>, RenderError> {
        let mut page = HtmlPage {
            page: &document.page,
            book: matches!(document.brief, Brief::Book(_)),
            brief: &document.brief,
            fonts: String::new(),
            css: &self.style.css,
            logo: self.style.logo.as_ref().map(|logo| {
                let data = fonts::base64(logo.svg.as_bytes());
                (
                    logo.title.as_str(),
                    format!("data:image/svg+xml;base64,{data}"),
                )
            }),
            claim_reviews: String::new(),
        };
        // The margin boxes of a printed page show the publication's title and the word for
        // a page, which the stylesheet holds: their characters are shown too.
        let shown = format!(
            "{}{} {}",
            page.render()?,
            document.page.publication,
            document.page.l.page
        );
        page.fonts = fonts::css(&shown, document.page.dir)?;
        // Data for machines, not shown: its characters need no font.
        page.claim_reviews = claims::json_ld(document);
        Ok(page.render()?.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::css_string_literal;

    #[test]
    fn a_css_string_cannot_end_early_or_close_the_style_element() {
        assert_eq!(css_string_literal("page"), "\"page\"");
        assert_eq!(css_string_literal("l'état"), "\"l'état\"");
        assert_eq!(
            css_string_literal("a\"b\\c</style>"),
            "\"a\\22 b\\5c c\\3c /style\\3e \""
        );
        assert_eq!(css_string_literal("a\nb"), "\"a b\"");
    }
}
