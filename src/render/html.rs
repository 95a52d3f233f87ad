//! Self-contained, printable HTML: inline CSS, no script, nothing loaded from outside.

use askama::Template;

use crate::view::{
    BookView, BriefEntry, BriefKind, OverviewView, Page, ProposalView, RegionView, Views,
};

use super::{RenderError, links_for};

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

/// Renders `entry` as an HTML document.
pub fn render(views: &Views, entry: &BriefEntry) -> Result<String, RenderError> {
    let dataset = views.dataset();
    let links = links_for(entry);
    let page = views.page(&entry.title);
    match entry.kind {
        BriefKind::Overview => OverviewPage {
            page,
            book: false,
            o: &views.overview(links),
        }
        .render(),
        BriefKind::Proposal => {
            let Some(p) = dataset.proposals.iter().find(|p| p.id == entry.id) else {
                return Err(RenderError::UnknownBrief(entry.id.clone()));
            };
            ProposalPage {
                page,
                book: false,
                p: &views.proposal(p, links),
            }
            .render()
        }
        BriefKind::Region => {
            let Some(r) = dataset
                .territories
                .regions
                .iter()
                .find(|r| r.id == entry.id)
            else {
                return Err(RenderError::UnknownBrief(entry.id.clone()));
            };
            RegionPage {
                page,
                book: false,
                r: &views.region_brief(r, links),
            }
            .render()
        }
        BriefKind::Book => BookPage {
            page,
            book: true,
            b: &views.book(),
        }
        .render(),
    }
    .map_err(RenderError::Template)
}
