//! What each brief shows, computed once from a checked dataset, in one language, and used by
//! every format.
//!
//! Every string here is final reader text: in the edition's language, typeset, numbers and
//! dates formatted. Templates only lay it out and escape it.

mod book;
mod cites;
mod overview;
mod proposal;
mod province;
mod provinces;
mod region;
mod region_map;
mod said;
mod sources;

use jiha_data::check::{BOOK_ID, OVERVIEW_ID};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::format::{Locale, fill, french};
use crate::graphics::{self, Bar, ChartText, MapRegion, MapText};
use jiha_data::checked::{
    ActorKind, BriefRef, Census, Chapter, Concern, Dataset, Figure, GroupBy, IndicatorKind, Labels,
    PlaceNames, Proposal, Quantity, Region, RegionRef, Scope, Source, SourceKind, SourceRef,
    Status, Text, Unit, Value, VoiceRef,
};

pub use book::{
    BookBrief, BookView, CreditView, PartHeading, PartView, Selection, TermView, TocEntry,
};
pub use overview::{ComparisonRow, CoverageRow, OverviewView, ProposalGroup, VoiceView};
pub use proposal::{IndicatorSpread, ProposalLink, ProposalView, RoleView};
pub use province::{CommuneRow, NOT_YET, ProvinceRow, ProvinceView};
pub use provinces::{ProvinceLine, ProvinceTable};
pub use region::{Drawing, IndicatorRow, RegionLink, RegionView};
pub use region_map::{BREAKS, ProvinceKeyEntry, ProvinceMapView};
pub use said::{QuoteView, SaidView, StanceView, TextNoteView};
use sources::{Citations, Cited};
pub use sources::{ClaimView, FigureView, SourceView, StatusView};

/// What sort of brief a brief is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BriefKind {
    Overview,
    Proposal,
    Region,
    /// A province or préfecture (not in the book: its annex lists them all).
    Province,
    Book,
}

impl BriefKind {
    /// The word `jiha list` shows.
    pub fn name(self) -> &'static str {
        match self {
            BriefKind::Overview => "overview",
            BriefKind::Proposal => "proposal",
            BriefKind::Region => "region",
            BriefKind::Province => "province",
            BriefKind::Book => "book",
        }
    }

    /// Where the files of the brief `id` of this kind go, under the edition's directory and
    /// without extension: the one place that decides it. The whole book (and a book made to
    /// measure on the command line) is `book`; a book of the dataset's `books`, `books/<id>`.
    pub fn stem(self, id: &str) -> String {
        match self {
            BriefKind::Book if id != BOOK_ID => format!("books/{id}"),
            BriefKind::Overview | BriefKind::Book => id.to_string(),
            BriefKind::Proposal => format!("proposals/{id}"),
            BriefKind::Region => format!("regions/{id}"),
            BriefKind::Province => format!("provinces/{id}"),
        }
    }

    /// The data file most of the brief `id` of this kind comes from, relative to the dataset,
    /// for error messages; the book draws on every file.
    pub fn data_file(self, id: &str) -> Option<String> {
        match self {
            BriefKind::Overview => Some("dataset.ron".to_string()),
            BriefKind::Proposal => Some(format!("{}/{id}.ron", jiha_data::check::PROPOSALS_DIR)),
            BriefKind::Region => Some("regions.ron".to_string()),
            BriefKind::Province => Some(format!("{}/", jiha_data::check::PROVINCES_DIR)),
            BriefKind::Book => None,
        }
    }

    /// The anchor of the brief `id` of this kind inside the book.
    pub fn anchor(self, id: &str) -> String {
        match self {
            BriefKind::Overview | BriefKind::Book => id.to_string(),
            BriefKind::Proposal => format!("proposal-{id}"),
            BriefKind::Region => format!("region-{id}"),
            BriefKind::Province => format!("province-{id}"),
        }
    }
}

/// A brief the dataset yields: its id, kind, title and where its files go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefEntry {
    /// Unique among briefs; what `jiha render ID` takes.
    pub id: String,
    pub kind: BriefKind,
    /// In the language of the views that listed it.
    pub title: String,
    /// Path of its files under the edition's directory, without extension.
    pub stem: String,
    /// What the book holds: `Some` for a book, `None` for any other brief.
    pub selection: Option<Selection>,
}

/// The HTML briefs a render writes in one edition, by stem: a brief links to those only, or
/// else into the book when the book is written, and otherwise names what it would link to
/// without a link.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    stems: BTreeSet<String>,
}

impl Written {
    pub fn new(stems: impl IntoIterator<Item = String>) -> Written {
        Written {
            stems: stems.into_iter().collect(),
        }
    }

    fn has(&self, kind: BriefKind, id: &str) -> bool {
        self.stems.contains(&kind.stem(id))
    }
}

/// The briefs a book holds, by their anchors in it: it links to those only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Held {
    anchors: BTreeSet<String>,
}

impl Held {
    fn has(&self, kind: BriefKind, id: &str) -> bool {
        self.anchors.contains(&kind.anchor(id))
    }
}

/// How a brief links to another: between files, or to anchors within the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links<'w> {
    /// A file at `depth` directories under the edition's directory, beside the files
    /// `written`.
    Files { depth: usize, written: &'w Written },
    /// A brief inside a book, which links to the briefs it `held` by their anchors.
    Anchors { held: &'w Held },
}

impl Links<'_> {
    /// The link to the brief `id` of `kind`: its own file if it is written, or its place in
    /// the book if the book is, or none.
    fn to(self, kind: BriefKind, id: &str) -> Option<String> {
        match self {
            Links::Files { depth, written } => {
                let up = "../".repeat(depth);
                if written.has(kind, id) {
                    Some(format!("{up}{}.html", kind.stem(id)))
                } else if written.has(BriefKind::Book, BOOK_ID) {
                    let book = BriefKind::Book.stem(BOOK_ID);
                    Some(format!("{up}{book}.html#{}", kind.anchor(id)))
                } else {
                    None
                }
            }
            Links::Anchors { held } => held.has(kind, id).then(|| format!("#{}", kind.anchor(id))),
        }
    }

    fn proposal(self, id: &str) -> Option<String> {
        self.to(BriefKind::Proposal, id)
    }

    fn region(self, id: &str) -> Option<String> {
        self.to(BriefKind::Region, id)
    }

    /// A province brief: its own file if it is written, never the book, which holds none.
    fn province(self, id: &str) -> Option<String> {
        let kind = BriefKind::Province;
        match self {
            Links::Files { depth, written } => (written.has(kind, id))
                .then(|| format!("{}{}.html", "../".repeat(depth), kind.stem(id))),
            Links::Anchors { held } => held.has(kind, id).then(|| format!("#{}", kind.anchor(id))),
        }
    }
}

/// A brief's content, built once from the dataset, for every format to lay out.
#[derive(Debug, Clone)]
pub enum Brief {
    Overview(OverviewView),
    Proposal(ProposalView),
    Region(RegionView),
    Province(ProvinceView),
    /// Boxed: the book holds every other view.
    Book(Box<BookView>),
}

/// One brief in one language, built once and laid out by every format asked for.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// Which brief it is.
    pub entry: &'a BriefEntry,
    /// The edition's settings, with the brief's title.
    pub page: Page<'a>,
    /// What the brief shows.
    pub brief: Brief,
    /// The PDF metadata's keywords: the dataset's title, the country, the kind of brief.
    pub keywords: Vec<String>,
    /// The edition date, `(year, month, day)`: the PDF's date, the same at every render.
    pub date: (i32, u32, u32),
}

/// What every page of an edition needs besides its brief: language, direction, labels.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// BCP 47 tag, for `<html lang>` and Typst's `text(lang)`.
    pub lang: &'a str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// The brief's title, for `<title>` and the PDF metadata.
    pub title: &'a str,
    /// The publication's title, which the PDF's running head carries beside the brief's.
    pub publication: String,
    /// The edition's labels, typeset.
    pub l: &'a Labels,
    /// Whether the edition is the original or a translation, said in its language.
    pub edition_note: String,
    /// Punctuation as the language sets it (its catalogue's `writing`): `\u{a0}:` in
    /// French, `:` elsewhere...
    pub colon: &'a str,
    /// ... `\u{202f};` in French, `؛` in Arabic, `;` in English...
    pub semicolon: &'a str,
    /// ... and `، ` in Arabic, `, ` elsewhere.
    pub comma: &'a str,
    /// Who edited the dataset, in this language.
    pub editor: String,
    /// Under the analysis' heading: whose analysis it is.
    pub analysis_note: String,
}

/// `label : value`, with the edition's colon: the one way a labelled value is written.
pub fn labelled(colon: &str, label: &str, value: &str) -> String {
    format!("{label}{colon} {value}")
}

/// A kicker line: its parts joined by a centred dot.
fn kicker(parts: &[&str]) -> String {
    parts.join(" · ")
}

/// One indicator's census values: national, and per region.
struct IndicatorValues<'a> {
    national: f64,
    year: i32,
    source: SourceRef,
    regional: Vec<(&'a Region, f64)>,
}

impl<'a> IndicatorValues<'a> {
    /// The region with the lowest value and the one with the highest: what a table's range
    /// shows and what a text's `{lowest: …}` and `{highest: …}` name (the rules refuse a
    /// tie in a text).
    fn extremes(&self) -> Option<[(&'a Region, f64); 2]> {
        let low = self.regional.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
        let high = self.regional.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
        Some([*low, *high])
    }
}

/// Builds the views of one dataset in one language.
#[derive(Debug, Clone)]
pub struct Views<'a> {
    dataset: &'a Dataset,
    locale: Locale<'a>,
    /// The language's catalogue, typeset: borrowed from other views of the same catalogue
    /// ([`Views::with_dataset`]).
    labels: Cow<'a, Labels>,
    /// The name of the language the texts were written in, in this one, typeset.
    original_name: String,
    /// How the original language writes: the speaker's words are printed as he said them.
    original: Locale<'a>,
}

impl<'a> Views<'a> {
    /// The views in `lang`; `None` if the dataset has no catalogue for it.
    pub fn new(dataset: &'a Dataset, lang: &'a str) -> Option<Views<'a>> {
        let catalogue = dataset.catalogue(lang)?;
        let locale = Locale::new(lang, &catalogue.labels);
        let original = &dataset.meta().original;
        let original = Locale::new(original, &dataset.catalogue(original)?.labels);
        Some(Views {
            dataset,
            locale,
            original,
            labels: Cow::Owned(catalogue.labels.map_texts(|t| locale.typo(t))),
            original_name: locale.typo(&catalogue.original_name),
        })
    }

    /// The views of `dataset` in this language, with these views' typeset catalogue when
    /// `dataset` has the same catalogue in it (typesetting every label again costs more than
    /// the brief of a proposal): for datasets that differ from this one in a few texts, as
    /// the fuzz targets build one an input. `None` if `dataset` has no catalogue for it.
    pub fn with_dataset<'b>(&'b self, dataset: &'b Dataset) -> Option<Views<'b>> {
        let lang = self.locale.lang;
        if dataset.catalogue(lang) != self.dataset.catalogue(lang) {
            return Views::new(dataset, lang);
        }
        let catalogue = dataset.catalogue(lang)?;
        let original = &dataset.meta().original;
        Some(Views {
            dataset,
            locale: Locale::new(lang, &catalogue.labels),
            original: Locale::new(original, &dataset.catalogue(original)?.labels),
            labels: Cow::Borrowed(&self.labels),
            original_name: self.original_name.clone(),
        })
    }

    pub fn dataset(&self) -> &'a Dataset {
        self.dataset
    }

    /// The edition's language, as a BCP 47 tag.
    pub fn lang(&self) -> &'a str {
        self.locale.lang
    }

    /// The page settings of `title` in this edition.
    pub fn page<'b>(&'b self, title: &'b str) -> Page<'b> {
        let d = self.dataset;
        let original = &d.meta().original;
        let note = if self.locale.lang == original {
            &self.labels.original_note
        } else {
            &self.labels.translation_note
        };
        Page {
            lang: self.locale.lang,
            dir: if self.locale.rtl() { "rtl" } else { "ltr" },
            title,
            publication: self.text(&d.meta().title),
            l: &self.labels,
            edition_note: fill(note, &[("language", &self.original_name)]),
            colon: self.locale.colon(),
            semicolon: self.locale.semicolon(),
            comma: self.locale.comma(),
            editor: self.text(&d.meta().editor),
            analysis_note: fill(
                &self.labels.analysis_note,
                &[("editor", &self.text(&d.meta().editor))],
            ),
        }
    }

    /// The region's name in this edition's language.
    fn region_name<'r>(&self, r: &'r Region) -> &'r str {
        match self.locale.place_names() {
            PlaceNames::Arabic => &r.name_ar,
            PlaceNames::French => &r.name_fr,
        }
    }

    /// Every brief, in reading order: overview, proposals, regions, provinces (region by
    /// region, in the order of HCP's codes), book; titles in this edition's language.
    pub fn briefs(&self) -> Vec<BriefEntry> {
        let (d, l) = (self.dataset, &self.labels);
        let title = self.text(&d.meta().title);
        let entry = |id: &str, kind: BriefKind, title: String| BriefEntry {
            id: id.to_string(),
            kind,
            title,
            stem: kind.stem(id),
            selection: None,
        };
        let mut list = vec![entry(
            OVERVIEW_ID,
            BriefKind::Overview,
            fill(&l.overview_title, &[("title", &title)]),
        )];
        for p in d.proposals() {
            list.push(entry(&p.id, BriefKind::Proposal, self.text(&p.title)));
        }
        for r in &d.territories().regions {
            let title = fill(&l.region_title, &[("name", self.region_name(r))]);
            list.push(entry(&r.id, BriefKind::Region, title));
        }
        for p in d.provinces().iter().filter(|p| p.has_brief()) {
            list.push(entry(&p.id, BriefKind::Province, self.province_title(p)));
        }
        list.push(BriefEntry {
            selection: Some(Selection::Everything),
            ..entry(BOOK_ID, BriefKind::Book, title)
        });
        for book in &d.meta().books {
            list.push(BriefEntry {
                selection: Some(Selection::Chapters(book.chapters.clone())),
                ..entry(&book.id, BriefKind::Book, self.text(&book.title))
            });
        }
        list
    }

    /// The book made to measure on the command line: `chapters`, written as the book
    /// (`book.*`), titled after the regions they name, or else as the whole book is.
    pub fn made_to_measure(&self, chapters: Vec<Chapter>) -> BriefEntry {
        let regions: Vec<&str> = chapters
            .iter()
            .filter_map(|c| match c {
                Chapter::Region(r) => Some(self.region_name(self.dataset.region(*r))),
                Chapter::Briefs(_) => None,
            })
            .collect();
        let title = if regions.is_empty() {
            self.text(&self.dataset.meta().title)
        } else {
            regions.join(self.locale.comma())
        };
        BriefEntry {
            id: BOOK_ID.to_string(),
            kind: BriefKind::Book,
            title,
            stem: BriefKind::Book.stem(BOOK_ID),
            selection: Some(Selection::Chapters(chapters)),
        }
    }

    /// The brief `entry` names, ready for every format; `None` if this dataset has no such
    /// brief.
    pub fn document<'b>(
        &'b self,
        entry: &'b BriefEntry,
        written: &Written,
    ) -> Option<Document<'b>> {
        Some(Document {
            entry,
            page: self.page(&entry.title),
            brief: self.brief(entry, written)?,
            keywords: vec![
                self.text(&self.dataset.meta().title),
                self.labels.country.clone(),
                entry.kind.name().to_string(),
            ],
            date: self.dataset.meta().edition.first_day(),
        })
    }

    /// The content of the brief `entry` names; `None` if this dataset has no such brief.
    fn brief(&self, entry: &BriefEntry, written: &Written) -> Option<Brief> {
        let d = self.dataset;
        let links = Links::Files {
            depth: entry.stem.matches('/').count(),
            written,
        };
        Some(match entry.kind {
            BriefKind::Overview => Brief::Overview(self.overview(links)),
            BriefKind::Proposal => {
                let p = d.proposals().iter().find(|p| p.id == entry.id)?;
                Brief::Proposal(self.proposal(p, links))
            }
            BriefKind::Region => Brief::Region(self.region_brief(self.region(&entry.id)?, links)),
            BriefKind::Province => {
                Brief::Province(self.province_brief(self.province(&entry.id)?, links))
            }
            BriefKind::Book => {
                Brief::Book(Box::new(self.book(entry.selection.as_ref()?, &entry.title)))
            }
        })
    }

    /// `Oriental : 30,4 %` in French, `Oriental: 30.4%` in English.
    fn labelled(&self, label: &str, value: &str) -> String {
        labelled(self.page_colon(), label, value)
    }

    /// The colon as the edition's language sets it: `\u{a0}:` in French, `:` elsewhere.
    fn page_colon(&self) -> &'a str {
        self.locale.colon()
    }

    /// The semicolon as the edition's language sets it.
    fn page_semicolon(&self) -> &'a str {
        self.locale.semicolon()
    }

    /// A region named in another brief.
    fn region_link(&self, r: &Region, links: Links<'_>) -> RegionLink {
        RegionLink {
            id: r.id.clone(),
            name: self.region_name(r).to_string(),
            href: links.region(&r.id),
            anchor: BriefKind::Region.anchor(&r.id),
        }
    }

    /// The region a brief's id names, if any.
    fn region(&self, id: &str) -> Option<&'a Region> {
        self.dataset
            .territories()
            .regions
            .iter()
            .find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiha_data::check::{self, DataFile};
    use jiha_data::glyphs::Coverage;

    /// The repository's dataset, with `change` made to its files.
    fn load(change: impl Fn(&mut DataFile)) -> Dataset {
        static COVERAGE: std::sync::LazyLock<Coverage> =
            std::sync::LazyLock::new(|| Coverage::of(&jiha_data::glyphs::pdf_fonts()));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut files = check::read_dir(&root, "data").expect("the repository's data");
        files.iter_mut().for_each(change);
        let loaded = check::load("data", files, &COVERAGE);
        loaded.unwrap_or_else(|r| panic!("{}", r.render())).0
    }

    /// `file`'s text with `from` replaced by `to` once, if it is the file `name`.
    fn replace(file: &mut DataFile, name: &str, from: &str, to: &str) {
        if file.name == name {
            let text = String::from_utf8(file.bytes.clone()).expect("UTF-8");
            assert!(text.contains(from), "{name}: {from}");
            file.bytes = text.replacen(from, to, 1).into_bytes();
        }
    }

    /// The views of another dataset keep these views' typeset catalogue only if that dataset
    /// has the same catalogue: every brief is then the one its own views make.
    #[test]
    fn views_of_another_dataset_are_the_ones_it_makes() {
        let base = load(|_| {});
        let spark = "proposals/programme-spark.ron";
        let retitled = load(|f| replace(f, spark, "\"fr\": \"", "\"fr\": \"Autre titre, "));
        let relabelled = load(|f| replace(f, "labels/fr.ron", "\"Maroc\"", "\"Royaume\""));
        let views = Views::new(&base, "fr").expect("fr");
        for (dataset, kept) in [(&retitled, true), (&relabelled, false)] {
            let other = views.with_dataset(dataset).expect("fr");
            assert_eq!(matches!(other.labels, Cow::Borrowed(_)), kept);
            let own = Views::new(dataset, "fr").expect("fr");
            let documents = |v: &Views| -> Vec<String> {
                let written = Written::default();
                let briefs = own.briefs().into_iter();
                briefs
                    .map(|e| format!("{:?}", v.document(&e, &written)))
                    .collect()
            };
            assert_eq!(documents(&other), documents(&own));
            assert_ne!(documents(&own), documents(&views));
        }
    }
}
