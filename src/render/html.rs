//! Self-contained, printable HTML: inline CSS, no script, nothing loaded from outside.

use askama::Template;

use crate::view::{BookView, BriefEntry, BriefKind, OverviewView, ProposalView, RegionView, Views};

use super::{RenderError, links_for};

#[derive(Template)]
#[template(path = "proposal.html")]
struct ProposalPage<'a> {
    page_title: &'a str,
    book: bool,
    p: &'a ProposalView,
}

#[derive(Template)]
#[template(path = "region.html")]
struct RegionPage<'a> {
    page_title: &'a str,
    book: bool,
    r: &'a RegionView,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct OverviewPage<'a> {
    page_title: &'a str,
    book: bool,
    o: &'a OverviewView,
}

#[derive(Template)]
#[template(path = "book.html")]
struct BookPage<'a> {
    page_title: &'a str,
    book: bool,
    b: &'a BookView,
}

/// Renders `entry` as an HTML document.
pub fn render(views: &Views, entry: &BriefEntry) -> Result<String, RenderError> {
    let dataset = views.dataset();
    let links = links_for(entry);
    let page_title = entry.title.as_str();
    match entry.kind {
        BriefKind::Overview => OverviewPage {
            page_title,
            book: false,
            o: &views.overview(links),
        }
        .render(),
        BriefKind::Proposal => {
            let proposal = dataset.proposals.iter().find(|p| p.id == entry.id);
            let view = proposal.map(|p| views.proposal(p, links));
            match &view {
                Some(p) => ProposalPage {
                    page_title,
                    book: false,
                    p,
                }
                .render(),
                None => return Err(RenderError::UnknownBrief(entry.id.clone())),
            }
        }
        BriefKind::Region => {
            let region = dataset
                .territories
                .regions
                .iter()
                .find(|r| r.id == entry.id);
            let view = region.map(|r| views.region_brief(r, links));
            match &view {
                Some(r) => RegionPage {
                    page_title,
                    book: false,
                    r,
                }
                .render(),
                None => return Err(RenderError::UnknownBrief(entry.id.clone())),
            }
        }
        BriefKind::Book => BookPage {
            page_title,
            book: true,
            b: &views.book(),
        }
        .render(),
    }
    .map_err(RenderError::Template)
}
