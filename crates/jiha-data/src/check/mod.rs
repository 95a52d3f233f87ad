//! Loads a dataset from its RON files and checks every rule, reporting all findings at once.
//!
//! The one implementation of the rules: `build.rs` runs it on `data/` (a failing rule fails
//! the build), and the binary runs it on the embedded copy and on `--data DIR`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::glyphs::Coverage;
use crate::model::{
    Actor, Dataset, Figure, IndicatorKind, Labels, Meta, Outlines, Proposal, Quantity, Scope,
    Source, Territories, Text, Unit,
};
use crate::ronspan::SpanIndex;

mod dates;
mod figures;
mod files;
mod ids;
mod labels;
mod proposals;
mod territories;
mod texts;

pub use dates::parse_date;
pub use files::read_dir;
pub use ids::{closest, is_slug};
pub use territories::inside;

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
pub const RESERVED_IDS: [&str; 2] = ["overview", "book"];

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
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Every finding of a load, with the texts needed to show them.
#[derive(Debug, Default)]
pub struct Report {
    /// Findings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// File texts by display path, for the excerpts.
    texts: BTreeMap<String, String>,
    /// Render each finding on one line, without its excerpt.
    pub short: bool,
}

impl Report {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The text of a file of the dataset, by display path.
    pub fn text(&self, display: &str) -> Option<&str> {
        self.texts.get(display).map(String::as_str)
    }

    /// Every finding rendered, separated by blank lines.
    pub fn render(&self) -> String {
        if self.short {
            return self.render_short();
        }
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            out.push_str(&diagnostic.render(self.text(&diagnostic.file)));
            out.push_str("\n\n");
        }
        out
    }

    /// Every finding on one line, `file:line:col: error: message`, for editors and scripts.
    fn render_short(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let at = self
                .text(&d.file)
                .and_then(|t| d.line_col(t))
                .map(|(line, col)| format!(":{line}:{col}"))
                .unwrap_or_default();
            out.push_str(&format!("{}{at}: {}: {}\n", d.file, d.severity, d.message));
        }
        out
    }

    /// One line summing up the findings (`2 errors, 1 warning`).
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {}",
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning")
        )
    }
}

/// Parses and checks a dataset. `root` is the dataset's directory as the user named it, to
/// show where missing files belong. On success, the dataset and the warnings; otherwise every
/// finding.
pub fn load(
    root: &str,
    files: Vec<DataFile>,
    coverage: &Coverage,
) -> Result<(Dataset, Report), Report> {
    let mut checker = Checker {
        report: Report::default(),
        cited: BTreeSet::new(),
        languages: None,
        original: None,
        coverage,
    };
    let dataset = checker.run(root, files);
    let mut report = checker.report;
    report.diagnostics.sort_by_key(|d| {
        let position = d.span.as_ref().map(|s| s.start).unwrap_or(0);
        (d.file.clone(), position, d.severity, d.message.clone())
    });
    match dataset {
        Some(dataset) if !report.has_errors() => Ok((dataset, report)),
        _ => Err(report),
    }
}

/// A parsed file: its value and where each of its values stands.
struct Parsed<T> {
    value: T,
    file: String,
    /// Built on the first finding only: a valid file never pays for it.
    spans: std::cell::OnceCell<SpanIndex>,
}

struct Checker<'a> {
    report: Report,
    /// Sources cited so far, to warn about the others.
    cited: BTreeSet<String>,
    /// The languages `dataset.ron` declares; `None` until it is read (or if it is broken).
    languages: Option<Vec<String>>,
    /// The language the texts were written in, once `dataset.ron` is read.
    original: Option<String>,
    /// What the PDF fonts can draw.
    coverage: &'a Coverage,
}

impl Checker<'_> {
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

    fn error_at<T>(&mut self, parsed: &Parsed<T>, path: &str, message: String) -> &mut Diagnostic {
        let span = self.span(parsed, path);
        self.push(Diagnostic::error(&parsed.file, message).at(span));
        self.report
            .diagnostics
            .last_mut()
            .expect("a diagnostic was just pushed")
    }

    fn run(&mut self, root: &str, files: Vec<DataFile>) -> Option<Dataset> {
        let mut by_name: BTreeMap<String, DataFile> = BTreeMap::new();
        let mut proposal_files = Vec::new();
        let mut label_files: Vec<DataFile> = Vec::new();
        for mut file in files {
            // The text is kept once, in the report, for the excerpts.
            match String::from_utf8(std::mem::take(&mut file.bytes)) {
                Ok(text) => {
                    self.report.texts.insert(file.display.clone(), text);
                }
                Err(err) => {
                    let valid = err.utf8_error().valid_up_to();
                    self.push(
                        Diagnostic::error(&file.display, "file is not valid UTF-8").help(format!(
                            "the first invalid byte is at offset {valid}; save the file as UTF-8"
                        )),
                    );
                    continue;
                }
            }
            if file.name.starts_with(&format!("{PROPOSALS_DIR}/")) {
                proposal_files.push(file);
            } else if file.name.starts_with(&format!("{LABELS_DIR}/")) {
                label_files.push(file);
            } else if REQUIRED_FILES.contains(&file.name.as_str()) {
                by_name.insert(file.name.clone(), file);
            } else {
                self.push(
                    Diagnostic::warning(
                        &file.display,
                        "file is not part of the dataset; it is ignored",
                    )
                    .help(format!(
                        "a dataset has {} and one file per proposal under `{PROPOSALS_DIR}/`",
                        REQUIRED_FILES.join(", ")
                    )),
                );
            }
        }
        // A missing file is shown where the user would create it.
        let root_display = |name: &str| format!("{}/{name}", root.trim_end_matches('/'));
        for name in REQUIRED_FILES {
            if !by_name.contains_key(name) && !self.invalid_utf8(name) {
                self.push(
                    Diagnostic::error(&root_display(name), format!("missing file `{name}`"))
                        .help("every dataset has dataset.ron, sources.ron, actors.ron, figures.ron, regions.ron, outlines.ron and proposals/*.ron; `jiha export-data DIR` writes a complete one to start from"),
                );
            }
        }
        if proposal_files.is_empty() {
            self.push(
                Diagnostic::error(&root_display(PROPOSALS_DIR), "the dataset has no proposals")
                    .help("add one RON file per proposal under `proposals/`, named after its id"),
            );
        }

        let meta: Option<Parsed<Meta>> = self.parse(by_name.get("dataset.ron"));
        if let Some(meta) = &meta {
            self.check_languages(meta);
        }
        let labels = self.load_labels(&label_files, &root_display(LABELS_DIR));
        let sources: Option<Parsed<Vec<Source>>> = self.parse(by_name.get("sources.ron"));
        let actors: Option<Parsed<Vec<Actor>>> = self.parse(by_name.get("actors.ron"));
        let figures: Option<Parsed<Vec<Figure>>> = self.parse(by_name.get("figures.ron"));
        let territories: Option<Parsed<Territories>> = self.parse(by_name.get("regions.ron"));
        let outlines: Option<Parsed<Outlines>> = self.parse(by_name.get("outlines.ron"));
        proposal_files.sort_by(|a, b| a.name.cmp(&b.name));
        let proposals: Vec<(Parsed<Proposal>, String)> = self
            .parse_all(&proposal_files)
            .into_iter()
            .zip(&proposal_files)
            .filter_map(|(parsed, f)| {
                let stem = f
                    .name
                    .trim_start_matches(&format!("{PROPOSALS_DIR}/"))
                    .trim_end_matches(".ron")
                    .to_string();
                parsed.map(|p| (p, stem))
            })
            .collect();
        let proposals_complete = proposals.len() == proposal_files.len();

        let source_ids = sources.as_ref().map(|s| self.ids(s, "source", |x| &x.id));
        let actor_ids = actors.as_ref().map(|a| self.ids(a, "actor", |x| &x.id));
        let figure_ids = figures.as_ref().map(|f| self.ids(f, "figure", |x| &x.id));
        let region_ids = territories.as_ref().map(|t| self.check_territories(t));
        let refs = Refs {
            sources: source_ids,
            actors: actor_ids,
            figures: figure_ids,
            regions: region_ids,
        };

        if let Some(meta) = &meta {
            self.check_meta(meta, &refs);
        }
        if let Some(sources) = &sources {
            self.check_sources(sources, &refs);
        }
        if let Some(actors) = &actors {
            self.check_actors(actors, &refs);
        }
        if let Some(figures) = &figures {
            self.check_figures(figures, &refs);
        }
        if let Some(territories) = &territories {
            self.check_territory_refs(territories, &refs);
        }
        if let Some(outlines) = &outlines {
            self.check_outlines(outlines, &refs);
            if let Some(territories) = &territories {
                self.check_capitals(territories, outlines);
            }
        }
        self.check_proposals(&proposals, &refs);

        // An unused source is only worth a warning when every citing file was read.
        let everything_read = meta.is_some()
            && labels.is_some()
            && actors.is_some()
            && figures.is_some()
            && territories.is_some()
            && outlines.is_some()
            && proposals_complete;
        if let (Some(sources), true) = (&sources, everything_read) {
            for (i, source) in sources.value.iter().enumerate() {
                if !self.cited.contains(&source.id) {
                    let span = self.span(sources, &format!("[{i}].id"));
                    self.push(
                        Diagnostic::warning(
                            &sources.file,
                            format!("source `{}` is cited by nothing", source.id),
                        )
                        .at(span)
                        .label("never cited")
                        .help("cite it from a figure, an indicator, an actor, a glossary term or a proposal, or remove it"),
                    );
                }
            }
        }

        let mut proposals: Vec<Proposal> = proposals.into_iter().map(|(p, _)| p.value).collect();
        proposals.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
        Some(Dataset {
            labels: labels?,
            meta: meta?.value,
            sources: sources?.value,
            actors: actors?.value,
            figures: figures?.value,
            territories: territories?.value,
            outlines: outlines?.value,
            proposals,
        })
    }

    fn position(&self, file: &str, span: Option<Range<usize>>) -> String {
        let probe = Diagnostic::error(file, "").at(span);
        match self.report.text(file).and_then(|t| probe.line_col(t)) {
            Some((line, col)) => format!("{file}:{line}:{col}"),
            None => file.to_string(),
        }
    }
}

/// The ids each reference may point to; `None` when the file defining them did not parse.
struct Refs {
    sources: Option<BTreeSet<String>>,
    actors: Option<BTreeSet<String>>,
    figures: Option<BTreeSet<String>>,
    regions: Option<BTreeSet<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dataset of the repository, read as `jiha` reads `--data`.
    fn repository_files() -> Vec<DataFile> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        read_dir(&root, "data").expect("the repository's data")
    }

    fn coverage() -> &'static Coverage {
        static COVERAGE: std::sync::LazyLock<Coverage> =
            std::sync::LazyLock::new(|| Coverage::of(&crate::glyphs::pdf_fonts()));
        &COVERAGE
    }

    #[test]
    fn the_repository_dataset_is_valid_and_has_no_warning() {
        let (dataset, report) = load("data", repository_files(), coverage())
            .unwrap_or_else(|report| panic!("{}", report.render()));
        assert_eq!(dataset.territories.regions.len(), REGION_COUNT);
        assert_eq!(report.diagnostics, Vec::new());
    }

    /// A random change to a file: cut a range, insert a character, or repeat a piece.
    #[derive(Debug, Clone)]
    enum Mutation {
        Cut { at: usize, len: usize },
        Insert { at: usize, c: char },
        Repeat { at: usize, len: usize },
    }

    fn mutation() -> impl proptest::strategy::Strategy<Value = Mutation> {
        use proptest::prelude::*;
        prop_oneof![
            (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Cut { at, len }),
            (
                any::<usize>(),
                prop_oneof![
                    Just('"'),
                    Just('('),
                    Just(')'),
                    Just('['),
                    Just(']'),
                    Just('{'),
                    Just('}'),
                    Just(','),
                    Just(':'),
                    Just('\\'),
                    Just('\n'),
                    Just('/'),
                    Just('*'),
                    Just('#'),
                    any::<char>()
                ]
            )
                .prop_map(|(at, c)| Mutation::Insert { at, c }),
            (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Repeat { at, len }),
        ]
    }

    fn mutate(text: &str, mutation: &Mutation) -> String {
        let boundary = |at: usize| {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        match *mutation {
            Mutation::Cut { at, len } => {
                let start = boundary(at);
                let end = boundary(start + len);
                let end = end.max(start);
                format!("{}{}", &text[..start], &text[end..])
            }
            Mutation::Insert { at, c } => {
                let at = boundary(at);
                format!("{}{c}{}", &text[..at], &text[at..])
            }
            Mutation::Repeat { at, len } => {
                let start = boundary(at);
                let end = boundary(start + len).max(start);
                format!("{}{}", &text[..end], &text[start..])
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

        /// Any damage to any file gives either a valid dataset or located findings: never a
        /// panic, never a finding pointing outside its file.
        #[test]
        fn damaged_files_give_located_findings(
            file in 0usize..64,
            mutations in proptest::collection::vec(mutation(), 1..4),
        ) {
            let mut files = repository_files();
            let index = file % files.len();
            let text = String::from_utf8(files[index].bytes.clone()).expect("UTF-8");
            let damaged = mutations.iter().fold(text, |t, m| mutate(&t, m));
            files[index].bytes = damaged.into_bytes();
            let display = files[index].display.clone();
            match load("data", files, coverage()) {
                Ok(_) => {}
                Err(report) => {
                    proptest::prop_assert!(report.has_errors());
                    for d in &report.diagnostics {
                        if let (Some(span), Some(text)) = (&d.span, report.text(&d.file)) {
                            proptest::prop_assert!(span.start <= text.len(), "{d:?} in {display}");
                            proptest::prop_assert!(d.line_col(text).is_some());
                        }
                        // Rendering the excerpt must not panic either.
                        let _ = d.render(report.text(&d.file));
                    }
                }
            }
        }
    }
}
