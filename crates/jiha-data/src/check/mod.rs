//! Loads a dataset from its RON files and checks every rule, reporting all findings at once.
//!
//! The one implementation of the rules: `build.rs` runs it on `data/` (a failing rule fails
//! the build), and the binary runs it on the embedded copy and on `--data DIR`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use crate::check::diagnostic::{Diagnostic, Finding, Severity};
use crate::check::finding::{Describe, IdKind, quoted};
use crate::checked;
use crate::glyphs::Coverage;
use crate::model::{
    Actor, Dataset, Figure, IndicatorKind, Labels, Meta, Outlines, Proposal, Quantity,
    RegionProvinces, Scope, Source, Territories, Text, Unit,
};
use crate::ronspan::SpanIndex;

mod books;
mod cites;
mod dates;
pub mod diagnostic;
mod figures;
mod files;
pub mod finding;
mod ids;
mod labels;
mod proposals;
mod province_outlines;
mod provinces;
pub mod quotes;
mod read;
mod report;
mod resolve;
pub mod single;
mod strings;
mod syntax;
mod territories;
mod texts;
mod translations;
mod urls;

pub use books::BookFinding;
pub use cites::{CiteFinding, Measure};
pub use dates::{Date, parse_date};
pub use figures::{FigureFinding, OutOfRange};
pub use files::FileFinding;
pub use ids::{ID_MAX_CHARS, IdFinding, Suggestion, closest, is_device_name, is_slug};
pub use labels::LabelFinding;
pub use proposals::ProposalFinding;
pub use province_outlines::{
    OutlineProblem, PROVINCE_OUTLINE_MIN_AREA, PROVINCE_OUTLINE_MIN_SIDE, PROVINCE_OUTSIDE_REGION,
    within,
};
pub use provinces::{PROVINCES_DIR, ProvinceFinding, province_id};
pub use quotes::QuoteFinding;
pub use read::{MAX_FILE_BYTES, Unreadable, read_dir};
pub use report::Report;
pub use resolve::Unresolved;
pub use strings::{
    Field, LINE_MAX_CHARS, MARKS_MAX, Named, PARAGRAPH_MAX_CHARS, StringFinding, TITLE_MAX_CHARS,
    WORD_MAX_CHARS, char_name,
};
pub use territories::{OUTLINE_MIN_AREA, OUTLINE_MIN_SIDE, Shape, TerritoryFinding, inside};
pub use texts::{TO_WRITE, TextFinding};
pub use translations::TranslationFinding;
pub use urls::{URL_MAX_CHARS, UrlFinding, url_problem};

/// The files every dataset has, besides `proposals/*.ron`.
pub const REQUIRED_FILES: [&str; 6] = [
    "dataset.ron",
    "sources.ron",
    "actors.ron",
    "figures.ron",
    "regions.ron",
    "outlines.ron",
];

/// The folder that holds one file per proposal.
pub const PROPOSALS_DIR: &str = "proposals";

/// The folder that holds one label catalogue per language (`labels/fr.ron`).
pub const LABELS_DIR: &str = "labels";

/// Brief ids the program itself uses; no proposal or region may take them.
pub const RESERVED_IDS: [&str; 2] = [OVERVIEW_ID, BOOK_ID];

/// The id of the overview brief: the one place it is written.
pub const OVERVIEW_ID: &str = "overview";

/// The id of the book: the one place it is written.
pub const BOOK_ID: &str = "book";

/// How many regions the 2015 division has.
pub const REGION_COUNT: usize = 12;

/// Morocco's bounding box, (west, south, east, north) in degrees, with a margin: every
/// outline point lies inside it.
pub const MOROCCO_BOUNDS: (f64, f64, f64, f64) = (-17.5, 20.5, -0.9, 36.2);

/// How far (in degrees, about 5 km) a chef-lieu may lie outside its region's outline: the
/// outlines are simplified at 0.01°, and a coastal city can fall just off the simplified coast.
pub const CAPITAL_TOLERANCE: f64 = 0.05;

/// One file of a dataset, read but not yet parsed.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// Path inside the dataset, with `/` separators (`proposals/spark.ron`).
    pub name: String,
    /// Path as shown to the user (`data/proposals/spark.ron`).
    pub display: String,
    /// The file's bytes; empty if it could not be read.
    pub bytes: Vec<u8>,
    /// Why it could not be read (a FIFO, a dangling link...), if it could not.
    pub unreadable: Option<Unreadable>,
}

/// Parses and checks a dataset. `root` is the dataset's directory as the user named it, to
/// show where missing files belong. On success, the checked dataset (every reference
/// resolved, see [`crate::checked`]) and the warnings; otherwise every finding.
///
/// # Panics
///
/// If every rule passes and yet a reference does not resolve: a rule is missing. The
/// property test below damages the repository's dataset at random to find such a hole.
pub fn load(
    root: &str,
    files: Vec<DataFile>,
    coverage: &Coverage,
) -> Result<(checked::Dataset, Report), Report> {
    let mut checker = Checker::new(coverage);
    let dataset = checker.run(root, files);
    finish(root, dataset, checker.report)
}

/// Parses and checks a dataset as [`load`] does, and gives it as its files spell it (the
/// model, before references are resolved): what the exports that mirror the files write.
pub fn load_model(
    root: &str,
    files: Vec<DataFile>,
    coverage: &Coverage,
) -> Result<(Dataset, Report), Report> {
    let mut checker = Checker::new(coverage);
    let dataset = checker.run(root, files);
    let model = dataset.clone();
    let (_, report) = finish(root, dataset, checker.report)?;
    // `finish` refuses a dataset that did not parse, so the model is there.
    model
        .map(|model| (model, report))
        .ok_or_else(Report::default)
}

/// Sorts the findings and, if none is an error, resolves the dataset: the end of every load.
fn finish(
    root: &str,
    dataset: Option<Dataset>,
    report: Report,
) -> Result<(checked::Dataset, Report), Report> {
    finish_with(root, report, || dataset.map(resolve::checked))
}

/// Sorts the findings and, if none is an error, resolves the dataset as `resolve` does (or
/// refuses it, if there is none).
fn finish_with(
    root: &str,
    mut report: Report,
    resolve: impl FnOnce() -> Option<Result<checked::Dataset, Unresolved>>,
) -> Result<(checked::Dataset, Report), Report> {
    report.diagnostics.sort_by_cached_key(|d| {
        let position = d.span.as_ref().map(|s| s.start).unwrap_or(0);
        (d.file.clone(), position, d.severity(), d.message())
    });
    if report.has_errors() {
        return Err(report);
    }
    match resolve() {
        Some(Ok(dataset)) => Ok((dataset, report)),
        Some(Err(Unresolved(what))) => {
            // Never a panic: the dataset is refused, with what could not be resolved.
            let finding = IdFinding::Unresolved { what };
            report.diagnostics.push(Diagnostic::new(root, finding));
            Err(report)
        }
        None => Err(report),
    }
}

/// A parsed file: its value and where each of its values stands.
struct Parsed<T> {
    value: T,
    file: String,
    /// Built on the first finding only: a valid file never pays for it.
    spans: std::cell::OnceCell<SpanIndex>,
}

/// Every file of a dataset, parsed; `None` for a file that is missing or broken.
struct ParsedFiles {
    meta: Option<Parsed<Meta>>,
    labels: Option<BTreeMap<String, Labels>>,
    sources: Option<Parsed<Vec<Source>>>,
    actors: Option<Parsed<Vec<Actor>>>,
    figures: Option<Parsed<Vec<Figure>>>,
    territories: Option<Parsed<Territories>>,
    outlines: Option<Parsed<Outlines>>,
    /// The proposals that parsed, each with its file's stem.
    proposals: Vec<(Parsed<Proposal>, String)>,
    /// Whether every proposal file parsed.
    proposals_complete: bool,
    /// The files of provinces that parsed, each with its file's stem.
    provinces: Vec<(Parsed<RegionProvinces>, String)>,
    /// Whether every file of provinces parsed.
    provinces_complete: bool,
    /// The translations' ledgers that parsed, each with its language.
    ledgers: Vec<(Parsed<crate::translations::Ledger>, String)>,
    /// The files that may hold texts to translate: each name in the dataset, and as shown.
    texts: Vec<(String, String)>,
}

impl ParsedFiles {
    /// Whether every file that may cite a source was read: only then is an uncited source
    /// worth a warning.
    fn every_citing_file_read(&self) -> bool {
        self.meta.is_some()
            && self.labels.is_some()
            && self.actors.is_some()
            && self.figures.is_some()
            && self.territories.is_some()
            && self.outlines.is_some()
            && self.proposals_complete
            && self.provinces_complete
    }

    /// What a data text may cite, from the files that parsed.
    fn citable(&self) -> cites::Citable {
        cites::Citable::of(
            self.territories.as_ref().map(|t| &t.value),
            self.figures.as_ref().map(|f| f.value.as_slice()),
        )
        .with_provinces(self.provinces.iter().map(|(p, _)| &p.value))
    }

    /// The dataset, if every file was read.
    fn into_dataset(self) -> Option<Dataset> {
        let mut proposals: Vec<Proposal> =
            self.proposals.into_iter().map(|(p, _)| p.value).collect();
        proposals.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
        Some(Dataset {
            labels: self.labels?,
            meta: self.meta?.value,
            sources: self.sources?.value,
            actors: self.actors?.value,
            figures: self.figures?.value,
            territories: self.territories?.value,
            outlines: self.outlines?.value,
            proposals,
            provinces: self.provinces.into_iter().map(|(p, _)| p.value).collect(),
        })
    }
}

struct Checker<'a> {
    report: Report,
    /// Sources cited so far, to warn about the others.
    cited: BTreeSet<String>,
    /// Every reference met, when asked for (`single::Base` checks them again when a file
    /// renames ids).
    citations: Option<Vec<ids::Citation>>,
    /// The languages `dataset.ron` declares; `None` until it is read (or if it is broken).
    languages: Option<Vec<String>>,
    /// The language the texts were written in, once `dataset.ron` is read.
    original: Option<String>,
    /// What the PDF fonts can draw.
    coverage: &'a Coverage,
    /// What a data text may cite (`{value: ...}`), from the files that define it.
    citable: cites::Citable,
    /// Every text with braces met, when asked for (`single::Base` checks their references
    /// again when a file changes what may be cited).
    cite_texts: Option<Vec<cites::CiteText>>,
    /// The files whose texts in undeclared languages were reported (once a file).
    undeclared_in: BTreeSet<String>,
}

impl<'a> Checker<'a> {
    /// Adds a finding about a file as a whole, or already located.
    fn push(&mut self, diagnostic: Diagnostic) {
        self.report.diagnostics.push(diagnostic);
    }

    /// Locates `path` in a parsed file.
    fn span<T>(&self, parsed: &Parsed<T>, path: &str) -> Option<Range<usize>> {
        let text = self.report.text(&parsed.file)?;
        parsed
            .spans
            .get_or_init(|| SpanIndex::new(text))
            .locate(text, path)
    }

    /// Reports a finding about the value at `path` in a parsed file: how every rule on a
    /// parsed value reports.
    fn report<T>(&mut self, parsed: &Parsed<T>, path: &str, finding: impl Into<Finding>) {
        let span = self.span(parsed, path);
        self.push(Diagnostic::new(&parsed.file, finding).at(span));
    }

    /// Reports a finding about the key of the map entry at `path` (its last occurrence).
    fn report_key<T>(&mut self, parsed: &Parsed<T>, path: &str, finding: impl Into<Finding>) {
        let span = self.report.text(&parsed.file).and_then(|text| {
            let spans = parsed.spans.get_or_init(|| SpanIndex::new(text));
            spans.locate_key(text, path)
        });
        self.push(Diagnostic::new(&parsed.file, finding).at(span));
    }

    fn new(coverage: &'a Coverage) -> Checker<'a> {
        Checker {
            report: Report::default(),
            cited: BTreeSet::new(),
            citations: None,
            languages: None,
            original: None,
            coverage,
            citable: cites::Citable::default(),
            cite_texts: None,
            undeclared_in: BTreeSet::new(),
        }
    }

    fn run(&mut self, root: &str, files: Vec<DataFile>) -> Option<Dataset> {
        let parsed = self.parse_files(root, files);
        self.citable = parsed.citable();
        let refs = self.collect_ids(&parsed);
        self.check_parsed(&parsed, &refs);
        if let (Some(sources), true) = (&parsed.sources, parsed.every_citing_file_read()) {
            self.check_cited(sources);
        }
        if let (Some(meta), true) = (&parsed.meta, parsed.proposals_complete) {
            let proposals = parsed.proposals.iter().map(|(p, _)| &p.value);
            self.check_frame_used(meta, proposals);
        }
        parsed.into_dataset()
    }

    /// Sorts and parses every file, and checks the declared languages and the catalogues.
    fn parse_files(&mut self, root: &str, files: Vec<DataFile>) -> ParsedFiles {
        let sorted = self.sort_files(files);
        self.check_required(root, &sorted);
        let meta: Option<Parsed<Meta>> = self.parse(sorted.required.get("dataset.ron"));
        if let Some(meta) = &meta {
            self.check_languages(meta);
        }
        let labels = self.load_labels(
            &sorted.labels,
            &in_root(root, LABELS_DIR),
            &sorted.unreadable,
        );
        let proposals = self.parse_proposals(&sorted.proposals);
        let provinces = self.parse_in(&sorted.provinces, PROVINCES_DIR);
        let texts = (sorted.required.values())
            .chain(&sorted.proposals)
            .chain(&sorted.provinces)
            .map(|f| (f.name.clone(), f.display.clone()))
            .collect();
        ParsedFiles {
            ledgers: self.parse_ledgers(&sorted.translations),
            texts,
            meta,
            labels,
            sources: self.parse(sorted.required.get("sources.ron")),
            actors: self.parse(sorted.required.get("actors.ron")),
            figures: self.parse(sorted.required.get("figures.ron")),
            territories: self.parse(sorted.required.get("regions.ron")),
            outlines: self.parse(sorted.required.get("outlines.ron")),
            proposals_complete: proposals.len() == sorted.proposals.len()
                && !sorted
                    .unreadable
                    .iter()
                    .any(|n| n.split('/').next() == Some(PROPOSALS_DIR)),
            proposals,
            provinces_complete: provinces.len() == sorted.provinces.len()
                && !sorted
                    .unreadable
                    .iter()
                    .any(|n| n.split('/').next() == Some(PROVINCES_DIR)),
            provinces,
        }
    }

    /// Checks the ids of every list and returns them, for the references.
    fn collect_ids(&mut self, parsed: &ParsedFiles) -> Refs {
        let sources = parsed.sources.as_ref().map(|s| {
            let ids = s.value.iter().map(|x| &x.id);
            self.ids(s, "", IdKind::Source, ids)
        });
        let actors = parsed.actors.as_ref().map(|a| {
            let ids = a.value.iter().map(|x| &x.id);
            self.ids(a, "", IdKind::Actor, ids)
        });
        let figures = parsed.figures.as_ref().map(|f| {
            let ids = f.value.iter().map(|x| &x.id);
            self.ids(f, "", IdKind::Figure, ids)
        });
        let (voices, themes, frame) = match &parsed.meta {
            Some(meta) => {
                let ids = self.meta_ids(meta);
                (Some(ids.voices), Some(ids.themes), Some(ids.frame))
            }
            None => (None, None, None),
        };
        let proposals = parsed.proposals_complete.then(|| {
            let ids = parsed.proposals.iter().map(|(p, _)| p.value.id.clone());
            ids.collect()
        });
        let regions = parsed
            .territories
            .as_ref()
            .map(|t| self.check_territories(t));
        let mut refs = Refs {
            sources,
            actors,
            figures,
            regions: None,
            voices,
            themes,
            frame,
            proposals,
            briefs: None,
        };
        refs.set_regions(regions);
        refs
    }

    /// Every rule on the parsed files that needs the ids.
    fn check_parsed(&mut self, parsed: &ParsedFiles, refs: &Refs) {
        if let Some(meta) = &parsed.meta {
            self.check_meta(meta, refs);
        }
        if let Some(sources) = &parsed.sources {
            self.check_sources(sources, refs);
            if let Some(meta) = &parsed.meta {
                self.check_voices(meta, sources);
            }
        }
        if let Some(actors) = &parsed.actors {
            self.check_actors(actors, refs);
        }
        if let Some(figures) = &parsed.figures {
            self.check_figures(figures, refs);
        }
        if let Some(territories) = &parsed.territories {
            self.check_territory_refs(territories, refs);
        }
        if let Some(outlines) = &parsed.outlines {
            self.check_outlines(outlines, refs);
            if let Some(territories) = &parsed.territories {
                self.check_capitals(territories, outlines);
            }
        }
        self.check_proposals(&parsed.proposals, parsed.labels.as_ref(), refs);
        let territories = parsed.territories.as_ref();
        self.check_provinces(&parsed.provinces, territories, refs);
        for (provinces, _) in &parsed.provinces {
            self.check_province_outlines(provinces);
            if let Some(outlines) = &parsed.outlines {
                self.check_outlines_in_region(provinces, outlines);
            }
        }
        let proposals = parsed.proposals.iter().map(|(p, _)| p);
        self.check_quote_translations(parsed.meta.as_ref(), proposals, parsed.figures.as_ref());
        self.check_ledgers(&parsed.ledgers);
        self.check_outdated(&parsed.ledgers, &parsed.texts, &[]);
    }

    /// `path:line:col` of a span in a file, or the file alone if it cannot be located.
    fn position(&self, file: &str, span: Option<Range<usize>>) -> String {
        self.report.location(file, span.as_ref())
    }
}

/// Where a file of the dataset belongs, as the user named the dataset's directory.
fn in_root(root: &str, name: &str) -> String {
    format!("{}/{name}", root.trim_end_matches('/'))
}

/// The ids each reference may point to; `None` when the file defining them did not parse.
#[derive(Clone, PartialEq)]
struct Refs {
    sources: Option<BTreeSet<String>>,
    actors: Option<BTreeSet<String>>,
    figures: Option<BTreeSet<String>>,
    regions: Option<BTreeSet<String>>,
    /// The voices, by the id of their source (`dataset.ron`).
    voices: Option<BTreeSet<String>>,
    themes: Option<BTreeSet<String>>,
    /// The frame items (`dataset.ron`).
    frame: Option<BTreeSet<String>>,
    /// `None` unless every proposal file parsed.
    proposals: Option<BTreeSet<String>>,
    /// What a book may hold: the overview, the proposals and the regions; `None` unless both
    /// are known.
    briefs: Option<BTreeSet<String>>,
}

impl Refs {
    /// Sets the region ids, and with them the briefs a book may hold.
    fn set_regions(&mut self, regions: Option<BTreeSet<String>>) {
        self.briefs = match (&regions, &self.proposals) {
            (Some(regions), Some(proposals)) => {
                let overview = std::iter::once(OVERVIEW_ID.to_string());
                Some(
                    overview
                        .chain(proposals.iter().cloned())
                        .chain(regions.iter().cloned())
                        .collect(),
                )
            }
            _ => None,
        };
        self.regions = regions;
    }

    /// The ids of `kind`, if known.
    fn of(&self, kind: IdKind) -> Option<&BTreeSet<String>> {
        match kind {
            IdKind::Source => self.sources.as_ref(),
            IdKind::Actor => self.actors.as_ref(),
            IdKind::Figure => self.figures.as_ref(),
            IdKind::Region => self.regions.as_ref(),
            IdKind::Voice => self.voices.as_ref(),
            IdKind::Theme => self.themes.as_ref(),
            IdKind::Frame => self.frame.as_ref(),
            IdKind::Brief => self.briefs.as_ref(),
            // Nothing refers to a proposal or a book but a book's chapters, as briefs.
            IdKind::Proposal | IdKind::Book => None,
        }
    }
}

#[cfg(test)]
mod tests;
