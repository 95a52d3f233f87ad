//! The page make-up of every PDF, measured on Typst's layout: how much of each page's body
//! its text, rules and drawings fill, where each brief starts and ends, and where its headings
//! fall.
//!
//! The rules: no page of a brief is under [`FULL_ENOUGH`] filled but its last, and a last page
//! holds more than a closing line or two ([`LAST_PAGE_ENOUGH`]); a region brief is three pages:
//! the region, its province map, its provinces' table ([`REGION_PAGES`]), in the book too; no heading is hyphenated, and none ends its page; every page but the first
//! carries the publication's title in its running head; in the book, each proposal and region
//! is nested under its part.

use std::path::Path;

use typst::foundations::{Content, Value};
use typst::introspection::Tag;
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::model::HeadingElem;
use typst_layout::PagedDocument;

use super::{BriefWorld, MARGIN, layout, source};
use crate::dataset::{Source, load};
use crate::view::{BriefKind, Views, Written};

/// The least share of its body a page may fill, but a brief's last page.
const FULL_ENOUGH: f64 = 0.20;
/// The least share of its body a brief's last page may fill: more than its closing lines
/// (the edition note, a sources line).
const LAST_PAGE_ENOUGH: f64 = 0.10;
/// The pages of a region brief: the region beside the nation; its province map with its key;
/// its provinces' table with the sources.
const REGION_PAGES: usize = 3;

/// One page, measured.
#[derive(Debug, Default)]
struct Measured {
    /// The share of the body's height that something covers, from 0 to 1.
    filled: f64,
    /// Whether a brief starts on this page: a heading of depth 1 (a brief's, a part's, or the
    /// book's back matter's) starts in its body; its label, or an empty one.
    starts_brief: Option<String>,
    /// Headings that end this page: nothing follows them in its body.
    stranded: Vec<String>,
    /// Headings broken by a hyphen that their text does not have.
    hyphenated: Vec<String>,
    /// The labels of the briefs' headings that start here (`proposal-…`, `region-…`), with
    /// their level in the outline.
    levels: Vec<(String, i64)>,
    /// The running head: the text above the body.
    head: String,
}

/// The vertical extent of the page's body, in points from the top of the page.
fn body(page: &Frame) -> (f64, f64) {
    (
        Abs::mm(MARGIN.top).to_pt(),
        page.height().to_pt() - Abs::mm(MARGIN.bottom).to_pt(),
    )
}

/// What a page's walk collects.
#[derive(Default)]
struct Walk {
    /// The vertical spans of everything visible in the body.
    spans: Vec<(f64, f64)>,
    /// The headings open at this point of the walk: their text, and the text of their lines.
    open: Vec<(typst::introspection::Location, String, String)>,
    /// Headings closed, waiting for something to follow them.
    closed: Vec<String>,
    measured: Measured,
}

impl Walk {
    fn visible(&mut self, top: f64, bottom: f64, area: (f64, f64)) {
        let (top, bottom) = (top.max(area.0), bottom.min(area.1));
        if bottom > top || (bottom == top && top > area.0 && top < area.1) {
            self.spans.push((top, bottom));
            self.closed.clear();
        }
    }

    fn start(&mut self, content: &Content) {
        let Some(heading) = content.to_packed::<HeadingElem>() else {
            return;
        };
        let depth = match content.get_by_name("depth") {
            Ok(Value::Int(d)) => d,
            _ => 1,
        };
        let label = content.label().map(|l| l.resolve().to_string());
        if depth == 1 && self.measured.starts_brief.is_none() {
            self.measured.starts_brief = Some(label.clone().unwrap_or_default());
        }
        if let (Some(label), Ok(Value::Int(level))) = (label, content.get_by_name("level"))
            && (label.starts_with("proposal-") || label.starts_with("region-"))
        {
            self.measured.levels.push((label, level));
        }
        if let Some(location) = content.location() {
            self.open.push((
                location,
                heading.body.plain_text().to_string(),
                String::new(),
            ));
        }
    }

    fn end(&mut self, location: typst::introspection::Location) {
        if let Some(i) = self.open.iter().position(|(l, ..)| *l == location) {
            let (_, text, printed) = self.open.remove(i);
            let hyphens = |s: &str| s.chars().filter(|c| matches!(c, '-' | '‐')).count();
            if hyphens(&printed) > hyphens(&text) {
                self.measured.hyphenated.push(text.clone());
            }
            self.closed.push(text);
        }
    }

    fn frame(&mut self, frame: &Frame, ts: Transform, area: (f64, f64)) {
        for (pos, item) in frame.items() {
            let at = |p: Point| p.transform(ts);
            match item {
                FrameItem::Group(group) => {
                    let inner = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(group.transform);
                    self.frame(&group.frame, inner, area);
                }
                FrameItem::Text(text) => {
                    let m = text.font.metrics();
                    let top = at(*pos - Point::with_y(m.ascender.at(text.size))).y;
                    let bottom = at(*pos - Point::with_y(m.descender.at(text.size))).y;
                    if bottom.to_pt() <= area.0 {
                        self.measured.head.push_str(&text.text);
                    }
                    self.visible(top.to_pt(), bottom.to_pt(), area);
                    for (_, _, printed) in &mut self.open {
                        printed.push_str(&text.text);
                    }
                }
                FrameItem::Shape(shape, _) => {
                    let b = shape.bbox(true);
                    let (a, z) = (at(*pos + b.min).y, at(*pos + b.max).y);
                    self.visible(a.min(z).to_pt(), a.max(z).to_pt(), area);
                }
                FrameItem::Image(_, size, _) => {
                    let (a, z) = (at(*pos).y, at(*pos + size.to_point()).y);
                    self.visible(a.min(z).to_pt(), a.max(z).to_pt(), area);
                }
                FrameItem::Tag(Tag::Start(content, _)) => self.start(content),
                FrameItem::Tag(Tag::End(location, ..)) => self.end(*location),
                FrameItem::Link(..) => {}
            }
        }
    }
}

/// Measures one page of a laid-out document.
fn measure(page: &Frame) -> Measured {
    let area = body(page);
    let mut walk = Walk::default();
    walk.frame(page, Transform::identity(), area);
    walk.measured.stranded = std::mem::take(&mut walk.closed);
    walk.spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut covered = 0.0;
    let mut reach = area.0;
    for (top, bottom) in walk.spans {
        let top = top.max(reach);
        if bottom > top {
            covered += bottom - top;
            reach = bottom;
        }
    }
    walk.measured.filled = covered / (area.1 - area.0);
    walk.measured
}

/// Every page of every brief of `lang`, laid out and measured: the brief's file stem and kind,
/// and its pages; and the publication's title, in `lang`.
fn measured(lang: &str) -> (String, Vec<(String, BriefKind, Vec<Measured>)>) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let (dataset, _) = load(Source::Dir(&data)).expect("the dataset loads");
    let views = Views::new(&dataset, lang).expect("the language has a catalogue");
    let written = Written::default();
    let publication = views.page("").publication;
    let briefs = views
        .briefs()
        .iter()
        .map(|entry| {
            let document = views.document(entry, &written).expect("the brief exists");
            let source = source(&document, &crate::render::style::BUILT_IN)
                .expect("the Typst source renders");
            let world = BriefWorld::new(&source, document.date).expect("a world");
            let laid: PagedDocument = layout(&world).expect("the source compiles");
            let pages = laid.pages().iter().map(|p| measure(&p.frame)).collect();
            typst::comemo::evict(2);
            (entry.stem.clone(), entry.kind, pages)
        })
        .collect();
    (publication, briefs)
}

/// Whatever misleads the reader finding their way: a page but a document's first whose running
/// head does not carry the publication's title; a proposal or region of the book that its
/// part's bookmark does not hold (level 2).
fn way_faults(publication: &str, name: &str, kind: BriefKind, pages: &[Measured]) -> Vec<String> {
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let mut faults = Vec::new();
    for (i, p) in pages.iter().enumerate().skip(1) {
        if !squeeze(&p.head).contains(&squeeze(publication)) {
            faults.push(format!("{name} p{}: running head « {} »", i + 1, p.head));
        }
        for (label, level) in &p.levels {
            if kind == BriefKind::Book && *level != 2 {
                faults.push(format!("{name} p{}: {label} at level {level}", i + 1));
            }
        }
    }
    faults
}

/// The pages of one document, cut where each brief (or part, or back matter section) starts.
fn briefs(pages: &[Measured]) -> Vec<std::ops::Range<usize>> {
    let mut starts: Vec<usize> = (1..pages.len())
        .filter(|&i| pages[i].starts_brief.is_some())
        .collect();
    starts.insert(0, 0);
    starts.push(pages.len());
    starts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Whatever breaks the make-up rules in `lang`, one line each.
fn faults(lang: &str) -> (Vec<String>, String) {
    let mut faults = Vec::new();
    let mut table = String::new();
    let (publication, briefs_of_lang) = measured(lang);
    for (stem, kind, pages) in briefs_of_lang {
        faults.extend(way_faults(
            &publication,
            &format!("{lang}/{stem}.pdf"),
            kind,
            &pages,
        ));
        let fills: Vec<String> = pages
            .iter()
            .map(|p| format!("{:.0}", p.filled * 100.0))
            .collect();
        table.push_str(&format!("{lang}/{stem}: {}\n", fills.join(" ")));
        let at = |i: usize| format!("{lang}/{stem}.pdf p{}", i + 1);
        if kind == BriefKind::Region && pages.len() != REGION_PAGES {
            let n = pages.len();
            faults.push(format!("{lang}/{stem}.pdf: {n} pages, not {REGION_PAGES}"));
        }
        for brief in briefs(&pages) {
            let last = brief.end - 1;
            let label = pages[brief.start]
                .starts_brief
                .as_deref()
                .unwrap_or_default();
            if kind == BriefKind::Book
                && label.starts_with("region-")
                && brief.len() != REGION_PAGES
            {
                faults.push(format!(
                    "{}: {label} takes {} pages",
                    at(brief.start),
                    brief.len()
                ));
            }
            for i in brief.clone() {
                let p = &pages[i];
                let least = if i == last {
                    LAST_PAGE_ENOUGH
                } else {
                    FULL_ENOUGH
                };
                if p.filled < least {
                    faults.push(format!("{}: {:.0} % filled", at(i), p.filled * 100.0));
                }
            }
        }
        for (i, p) in pages.iter().enumerate() {
            for h in &p.stranded {
                faults.push(format!("{}: heading « {h} » ends the page", at(i)));
            }
            for h in &p.hyphenated {
                faults.push(format!("{}: heading « {h} » is hyphenated", at(i)));
            }
        }
    }
    (faults, table)
}

fn check(lang: &str) {
    let (faults, table) = faults(lang);
    assert!(
        faults.is_empty(),
        "{} make-up faults:\n{}\n\nfilled, in % of each page's body:\n{table}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn the_french_pages_are_made_up() {
    check("fr");
}

#[test]
fn the_english_pages_are_made_up() {
    check("en");
}

#[test]
fn the_arabic_pages_are_made_up() {
    check("ar");
}
