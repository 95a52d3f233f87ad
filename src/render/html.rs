//! Self-contained, printable HTML: inline CSS with the PDF's fonts inlined, no script,
//! nothing loaded from outside.

mod fonts;
mod subset;

use askama::Template;

use super::{RenderError, Renderer};
use crate::view::{BookBrief, Brief, Document, Page};

/// The HTML format.
#[derive(Debug, Clone, Copy)]
pub struct Html;

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
}

impl Renderer for Html {
    fn render(&self, document: &Document) -> Result<Vec<u8>, RenderError> {
        let mut page = HtmlPage {
            page: &document.page,
            book: matches!(document.brief, Brief::Book(_)),
            brief: &document.brief,
            fonts: String::new(),
        };
        page.fonts = fonts::css(&page.render()?, document.page.dir)?;
        Ok(page.render()?.into_bytes())
    }
}
