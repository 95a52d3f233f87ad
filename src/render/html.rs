//! Self-contained, printable HTML: inline CSS, no script, nothing loaded from outside.

use askama::Template;

use crate::view::{BookView, Brief, OverviewView, Page, ProposalView, RegionView};

#[derive(Template)]
#[template(path = "proposal.html")]
struct ProposalPage<'a> {
    page: Page<'a>,
    book: bool,
    p: &'a ProposalView,
}

#[derive(Template)]
#[template(path = "region.html")]
struct RegionPage<'a> {
    page: Page<'a>,
    book: bool,
    r: &'a RegionView,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct OverviewPage<'a> {
    page: Page<'a>,
    book: bool,
    o: &'a OverviewView,
}

#[derive(Template)]
#[template(path = "book.html")]
struct BookPage<'a> {
    page: Page<'a>,
    book: bool,
    b: &'a BookView,
}

/// Lays `brief` out as an HTML document.
pub fn render(page: &Page, brief: &Brief) -> askama::Result<String> {
    let page = page.clone();
    match brief {
        Brief::Overview(o) => OverviewPage {
            page,
            book: false,
            o,
        }
        .render(),
        Brief::Proposal(p) => ProposalPage {
            page,
            book: false,
            p,
        }
        .render(),
        Brief::Region(r) => RegionPage {
            page,
            book: false,
            r,
        }
        .render(),
        Brief::Book(b) => BookPage {
            page,
            book: true,
            b,
        }
        .render(),
    }
}
