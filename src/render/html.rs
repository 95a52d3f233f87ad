//! Self-contained, printable HTML: inline CSS, no script, nothing loaded from outside.

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
}

impl Renderer for Html {
    fn render(&self, document: &Document) -> Result<Vec<u8>, RenderError> {
        let page = HtmlPage {
            page: &document.page,
            book: matches!(document.brief, Brief::Book(_)),
            brief: &document.brief,
        };
        Ok(page.render()?.into_bytes())
    }
}
