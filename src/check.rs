//! Loads a dataset from its RON files and checks every rule, reporting all findings at once.
//!
//! The one implementation of the rules: `build.rs` runs it on `data/` (a failing rule fails
//! the build), and the binary runs it on the embedded copy and on `--data DIR`.
//!
//! Shared with `build.rs` through `#[path]`: this file may use `std`, `serde`, `ron`,
//! `aho-corasick`, `strsim` and the crate's `model`, `ronspan`, `glyphs` and `diagnostic`
//! modules only.

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

    fn invalid_utf8(&self, name: &str) -> bool {
        self.report
            .diagnostics
            .iter()
            .any(|d| d.file.ends_with(name) && d.message.contains("UTF-8"))
    }

    /// Parses one file, reporting a syntax or type error at its position.
    fn parse<T: DeserializeOwned>(&mut self, file: Option<&DataFile>) -> Option<Parsed<T>> {
        let file = file?;
        let text = self.report.text(&file.display)?;
        let parsed = parse_text(text);
        self.parsed(file, parsed)
    }

    /// Parses many files of one kind, on every core: they do not depend on each other.
    fn parse_all<T: DeserializeOwned + Send>(
        &mut self,
        files: &[DataFile],
    ) -> Vec<Option<Parsed<T>>> {
        let report = &self.report;
        let parse = |file: &DataFile| report.text(&file.display).map(parse_text::<T>);
        let results: Vec<Option<ParseResult<T>>> = parallel_map(files, parse);
        files
            .iter()
            .zip(results)
            .map(|(file, result)| self.parsed(file, result?))
            .collect()
    }

    /// Keeps a parsed value, or reports why the file could not be parsed.
    fn parsed<T>(&mut self, file: &DataFile, result: ParseResult<T>) -> Option<Parsed<T>> {
        match result {
            Ok(value) => Some(Parsed {
                value,
                file: file.display.clone(),
                spans: std::cell::OnceCell::new(),
            }),
            Err((span, code)) => {
                let mut diagnostic =
                    Diagnostic::error(&file.display, parse_message(&code)).at(Some(span));
                if matches!(code, ron::Error::ExpectedComma) {
                    diagnostic = diagnostic.label("expected `,` here");
                }
                if let Some(help) = parse_help(&code) {
                    diagnostic = diagnostic.help(help);
                }
                self.push(diagnostic);
                None
            }
        }
    }

    /// Checks the ids of a list: slugs, unique. Returns them.
    fn ids<T>(
        &mut self,
        parsed: &Parsed<Vec<T>>,
        kind: &str,
        id: impl Fn(&T) -> &String,
    ) -> BTreeSet<String> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, item) in parsed.value.iter().enumerate() {
            let id = id(item);
            let path = format!("[{i}].id");
            self.check_slug(parsed, &path, kind, id);
            if let Some(first) = seen.get(id.as_str()) {
                let first_span = self.span(parsed, &format!("[{first}].id"));
                let first_at = self.position(&parsed.file, first_span);
                self.error_at(parsed, &path, format!("duplicate {kind} id `{id}`"))
                    .help = Some(format!(
                    "ids are unique among {kind}s; `{id}` is first defined at {first_at}"
                ));
            } else {
                seen.insert(id, i);
            }
        }
        parsed.value.iter().map(|x| id(x).clone()).collect()
    }

    fn position(&self, file: &str, span: Option<Range<usize>>) -> String {
        let probe = Diagnostic::error(file, "").at(span);
        match self.report.text(file).and_then(|t| probe.line_col(t)) {
            Some((line, col)) => format!("{file}:{line}:{col}"),
            None => file.to_string(),
        }
    }

    fn check_slug<T>(&mut self, parsed: &Parsed<T>, path: &str, kind: &str, id: &str) {
        if !is_slug(id) {
            self.error_at(parsed, path, format!("{kind} id `{id}` is not a slug"))
                .help = Some(format!(
                "ids use lower-case letters a-z, digits and hyphens only: `{}`",
                slugify(id)
            ));
        }
    }

    /// Checks a reference and records a cited source.
    fn reference<T>(
        &mut self,
        parsed: &Parsed<T>,
        path: &str,
        kind: &str,
        value: &str,
        known: &Option<BTreeSet<String>>,
    ) {
        if kind == "source" {
            self.cited.insert(value.to_string());
        }
        let Some(known) = known else { return };
        if known.contains(value) {
            return;
        }
        let help = match closest(value, known) {
            Some(best) => format!("did you mean `{best}`?"),
            None if known.len() <= 12 => format!(
                "known {kind}s: {}",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => format!("no {kind} has this id; check the spelling"),
        };
        let d = self.error_at(parsed, path, format!("unknown {kind} `{value}`"));
        d.label = Some(format!("no {kind} has this id"));
        d.help = Some(help);
    }

    /// Checks a text a reader sees: it exists in every declared language and no other, and
    /// each version passes [`Checker::plain`].
    fn text<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &Text) {
        // Every text of the dataset passes here: the common case, a complete text, costs no
        // allocation; the messages are built only for a finding.
        let complete = self.languages.as_ref().is_none_or(|languages| {
            languages.len() == text.0.len() && languages.iter().all(|l| text.0.contains_key(l))
        });
        if let (Some(languages), false) = (self.languages.clone(), complete) {
            let declared = languages
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(", ");
            for lang in &languages {
                if !text.0.contains_key(lang) {
                    let d = self.error_at(parsed, path, format!("text has no `{lang}` version"));
                    d.label = Some(format!("`{lang}` is missing"));
                    d.help = Some(format!(
                        "every text exists in each language the dataset declares ({declared}): add \"{lang}\": \"...\""
                    ));
                }
            }
            for lang in text.0.keys().filter(|l| !languages.contains(l)) {
                let d = self.error_at(
                    parsed,
                    &format!("{path}.\"{lang}\""),
                    format!("text in `{lang}`, a language the dataset does not declare"),
                );
                d.help = Some(format!(
                    "the dataset declares {declared} in dataset.ron: add `{lang}` to `languages` there, or remove this version"
                ));
            }
        }
        for (lang, value) in &text.0 {
            if !self.plain_ok(value) {
                self.plain(parsed, &format!("{path}.\"{lang}\""), value);
            }
        }
    }

    fn texts<T>(&mut self, parsed: &Parsed<T>, path: &str, texts: &[Text]) {
        for (i, text) in texts.iter().enumerate() {
            self.text(parsed, &format!("{path}[{i}]"), text);
        }
    }

    /// Whether [`Checker::plain`] would find nothing: the quick test, without messages.
    fn plain_ok(&self, text: &str) -> bool {
        !text.trim().is_empty()
            && text.chars().all(|c| self.coverage.covers(c))
            && placeholder(text).is_none()
    }

    /// Checks a string a reader sees: not empty, not a placeholder, printable by the fonts.
    fn plain<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &str) {
        for c in self.coverage.missing(text) {
            let families = self.coverage.families.join(", ");
            let d = self.error_at(
                parsed,
                path,
                format!(
                    "character `{c}` (U+{:04X}) cannot be printed: no font has a glyph for it",
                    c as u32
                ),
            );
            d.label = Some(format!("U+{:04X} is in this text", c as u32));
            d.help = Some(format!(
                "the PDF fonts ({families}) do not cover it: remove it or write it another way"
            ));
        }
        if text.trim().is_empty() {
            self.error_at(parsed, path, "empty text".to_string()).help =
                Some("write the text, or remove the entry if it has nothing to say".to_string());
        } else if let Some(word) = placeholder(text) {
            self.error_at(parsed, path, format!("placeholder text `{word}`"))
                .help =
                Some("replace the placeholder with the real text before publishing".to_string());
        }
    }

    /// A link: `http(s)://`, with nothing that could end it early in HTML or Markdown.
    fn url<T>(&mut self, parsed: &Parsed<T>, path: &str, url: &str) {
        let scheme = url.starts_with("https://") || url.starts_with("http://");
        let clean = !url
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '\\'));
        if !scheme || !clean {
            self.error_at(parsed, path, format!("`{url}` is not a web address"))
                .help = Some("write a full address starting with https:// (spaces, quotes and angle brackets percent-encoded)".to_string());
        }
    }

    fn non_empty<T, U>(&mut self, parsed: &Parsed<T>, path: &str, list: &[U], what: &str) {
        if list.is_empty() {
            self.error_at(parsed, path, format!("{what} is empty")).help =
                Some(format!("a brief needs at least one entry in `{path}`"));
        }
    }

    fn date<T>(&mut self, parsed: &Parsed<T>, path: &str, date: &str) {
        if let Err(why) = parse_date(date) {
            self.error_at(parsed, path, format!("invalid date `{date}`: {why}"))
                .help = Some(
                "write a year (`2024`), a month (`2024-09`) or a day (`2024-09-01`)".to_string(),
            );
        }
    }

    fn check_meta(&mut self, meta: &Parsed<Meta>, refs: &Refs) {
        let m = &meta.value;
        for (path, text) in [
            ("title", &m.title),
            ("subtitle", &m.subtitle),
            ("publisher", &m.publisher),
            ("summary", &m.summary),
        ] {
            self.text(meta, path, text);
        }
        self.date(meta, "edition", &m.edition);
        self.reference(meta, "speech", "source", &m.speech, &refs.sources);
        self.texts(meta, "key_messages", &m.key_messages);
        self.non_empty(
            meta,
            "key_messages",
            &m.key_messages,
            "the list of key messages",
        );
        for (i, term) in m.glossary.iter().enumerate() {
            self.text(meta, &format!("glossary[{i}].term"), &term.term);
            self.text(meta, &format!("glossary[{i}].definition"), &term.definition);
            if let Some(source) = &term.source {
                self.reference(
                    meta,
                    &format!("glossary[{i}].source"),
                    "source",
                    source,
                    &refs.sources,
                );
            }
        }
        for (i, credit) in m.credits.iter().enumerate() {
            self.text(meta, &format!("credits[{i}].work"), &credit.work);
            self.text(meta, &format!("credits[{i}].holder"), &credit.holder);
            self.plain(meta, &format!("credits[{i}].licence"), &credit.licence);
            if let Some(changes) = &credit.changes {
                self.text(meta, &format!("credits[{i}].changes"), changes);
            }
        }
    }

    /// The declared languages: well-formed tags, each once, the original among them.
    /// Records them for the text checks that follow.
    fn check_languages(&mut self, meta: &Parsed<Meta>) {
        let m = &meta.value;
        let mut seen = BTreeSet::new();
        for (i, lang) in m.languages.iter().enumerate() {
            let path = format!("languages[{i}]");
            let well_formed =
                (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
            if !well_formed {
                self.error_at(meta, &path, format!("`{lang}` is not a language tag"))
                    .help = Some(
                    "write a two- or three-letter BCP 47 language tag: `fr`, `en`, `ar`"
                        .to_string(),
                );
            }
            if !seen.insert(lang.as_str()) {
                self.error_at(meta, &path, format!("language `{lang}` is declared twice"))
                    .help = Some("declare each language once".to_string());
            }
        }
        if m.languages.is_empty() {
            self.error_at(meta, "languages", "no language is declared".to_string())
                .help =
                Some("declare the languages of the texts: `languages: [\"fr\"]`".to_string());
        }
        if !m.languages.contains(&m.original) {
            let d = self.error_at(
                meta,
                "original",
                format!(
                    "original language `{}` is not among the declared languages",
                    m.original
                ),
            );
            d.help = Some(match closest(&m.original, &m.languages) {
                Some(best) => format!("did you mean `{best}`?"),
                None => "the original must be one of `languages`".to_string(),
            });
        }
        self.languages = Some(m.languages.clone());
        self.original = Some(m.original.clone());
    }

    /// Parses and checks one catalogue per declared language. `None` if any is missing or
    /// broken.
    fn load_labels(
        &mut self,
        files: &[DataFile],
        dir_display: &str,
    ) -> Option<BTreeMap<String, Labels>> {
        let languages = self.languages.clone()?;
        let mut catalogues: BTreeMap<String, Parsed<Labels>> = BTreeMap::new();
        let mut complete = true;
        for file in files {
            let lang = file
                .name
                .trim_start_matches(&format!("{LABELS_DIR}/"))
                .trim_end_matches(".ron")
                .to_string();
            if !languages.contains(&lang) {
                self.push(
                    Diagnostic::error(
                        &file.display,
                        format!(
                            "label catalogue for `{lang}`, a language the dataset does not declare"
                        ),
                    )
                    .help(format!(
                        "add `{lang}` to `languages` in dataset.ron, or remove this file"
                    )),
                );
                complete = false;
                continue;
            }
            match self.parse::<Labels>(Some(file)) {
                Some(parsed) => {
                    catalogues.insert(lang, parsed);
                }
                None => complete = false,
            }
        }
        for lang in &languages {
            if !files
                .iter()
                .any(|f| f.name == format!("{LABELS_DIR}/{lang}.ron"))
            {
                self.push(
                    Diagnostic::error(&format!("{dir_display}/{lang}.ron"), format!("missing label catalogue for `{lang}`"))
                        .help(format!("every declared language has its catalogue: copy `{LABELS_DIR}/{}.ron` to `{LABELS_DIR}/{lang}.ron` and translate it", languages[0])),
                );
                complete = false;
            }
        }
        // Placeholders are compared with the original language's catalogue.
        let reference = self
            .original
            .as_ref()
            .and_then(|o| catalogues.get(o).map(|p| (o.clone(), p.value.clone())));
        for parsed in catalogues.values() {
            self.check_labels(parsed, &languages, reference.as_ref());
        }
        complete.then(|| catalogues.into_iter().map(|(l, p)| (l, p.value)).collect())
    }

    fn check_labels(
        &mut self,
        parsed: &Parsed<Labels>,
        languages: &[String],
        reference: Option<&(String, Labels)>,
    ) {
        let labels = &parsed.value;
        let reference_texts: BTreeMap<&str, &str> = reference
            .map(|(_, r)| r.texts().into_iter().collect())
            .unwrap_or_default();
        for (key, value) in labels.texts() {
            self.plain(parsed, key, value);
            if let (Some(expected), Some((file, _))) = (reference_texts.get(key), reference) {
                let (mine, theirs) = (placeholders(value), placeholders(expected));
                if mine != theirs {
                    let list = |set: &BTreeSet<String>| {
                        if set.is_empty() {
                            "none".to_string()
                        } else {
                            set.iter()
                                .map(|p| format!("{{{p}}}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    };
                    self.error_at(
                        parsed,
                        key,
                        format!(
                            "label `{key}` has placeholders {}, but the `{file}` catalogue has {}",
                            list(&mine),
                            list(&theirs)
                        ),
                    )
                    .help = Some(
                        "keep the placeholders in braces exactly as they are; jiha fills them in"
                            .to_string(),
                    );
                }
            }
        }
        if labels.months.len() != 12 {
            self.error_at(
                parsed,
                "months",
                format!("{} month names, not 12", labels.months.len()),
            )
            .help = Some("list the twelve months, January first".to_string());
        }
        for (i, month) in labels.months.iter().enumerate() {
            self.plain(parsed, &format!("months[{i}]"), month);
        }
        for lang in languages {
            if !labels.language_names.contains_key(lang) {
                self.error_at(
                    parsed,
                    "language_names",
                    format!("no name for the language `{lang}`"),
                )
                .help = Some(format!(
                    "add \"{lang}\": \"...\" with its name in this language"
                ));
            }
        }
        for (path, pattern, needed) in [
            (
                "dates.day_month_year",
                &labels.dates.day_month_year,
                &["day", "month", "year"][..],
            ),
            (
                "dates.month_year",
                &labels.dates.month_year,
                &["month", "year"][..],
            ),
        ] {
            let found = placeholders(pattern);
            for p in needed.iter().filter(|p| !found.contains(**p)) {
                self.error_at(parsed, path, format!("date pattern has no `{{{p}}}`"))
                    .help = Some(format!(
                    "write where the {p} goes, for example \"{{day}} {{month}} {{year}}\""
                ));
            }
        }
    }

    fn check_sources(&mut self, sources: &Parsed<Vec<Source>>, refs: &Refs) {
        for (i, source) in sources.value.iter().enumerate() {
            let p = |field: &str| format!("[{i}].{field}");
            self.plain(sources, &p("title"), &source.title);
            for (field, text) in [("author", &source.author), ("note", &source.note)] {
                if let Some(text) = text {
                    self.text(sources, &p(field), text);
                }
            }
            if let Some(publisher) = &source.publisher {
                self.plain(sources, &p("publisher"), publisher);
            }
            if let Some(url) = &source.url {
                self.url(sources, &p("url"), url);
            }
            if let Some(date) = &source.date {
                self.date(sources, &p("date"), date);
            }
            if let Some(event) = &source.event {
                self.text(sources, &p("event.name"), &event.name);
                self.plain(sources, &p("event.theme"), &event.theme);
                self.reference(
                    sources,
                    &p("event.organiser"),
                    "actor",
                    &event.organiser,
                    &refs.actors,
                );
            }
        }
    }

    fn check_actors(&mut self, actors: &Parsed<Vec<Actor>>, refs: &Refs) {
        for (i, actor) in actors.value.iter().enumerate() {
            self.text(actors, &format!("[{i}].name"), &actor.name);
            self.text(actors, &format!("[{i}].description"), &actor.description);
            self.non_empty(
                actors,
                &format!("[{i}].sources"),
                &actor.sources,
                "the list of sources",
            );
            for (j, source) in actor.sources.iter().enumerate() {
                self.reference(
                    actors,
                    &format!("[{i}].sources[{j}]"),
                    "source",
                    source,
                    &refs.sources,
                );
            }
        }
    }

    fn check_figures(&mut self, figures: &Parsed<Vec<Figure>>, refs: &Refs) {
        for (i, figure) in figures.value.iter().enumerate() {
            let p = |field: &str| format!("[{i}].{field}");
            self.text(figures, &p("label"), &figure.label);
            self.text(figures, &p("scope"), &figure.scope);
            if let Some(note) = &figure.note {
                self.text(figures, &p("note"), note);
            }
            if let Some(period) = &figure.period {
                self.date(figures, &p("period"), period);
            }
            match &figure.source {
                Some(source) => {
                    self.reference(figures, &p("source"), "source", source, &refs.sources)
                }
                None => {
                    let d = self.error_at(
                        figures,
                        &p("id"),
                        format!("figure `{}` has no source", figure.id),
                    );
                    d.label = Some("this figure names no source".to_string());
                    d.help = Some("every figure names its source: add `source: \"<source id>\"` (ids are in sources.ron)".to_string());
                }
            }
            self.quantity(figures, &p("value"), &figure.value);
        }
    }

    fn quantity<T>(&mut self, parsed: &Parsed<T>, path: &str, quantity: &Quantity) {
        let problem = match quantity {
            Quantity::Count(0) => Some("a count is at least 1".to_string()),
            Quantity::Years(0) => Some("a duration is at least 1 year".to_string()),
            Quantity::Percent(v) if !(0.0..=100.0).contains(v) => {
                Some(format!("percentage {v} is outside 0 to 100"))
            }
            Quantity::Kilometres(v) if !(v.is_finite() && *v >= 0.0) => {
                Some(format!("distance {v} is negative or not a number"))
            }
            Quantity::Year(y) if !(1900..=2100).contains(y) => {
                Some(format!("year {y} is outside 1900 to 2100"))
            }
            Quantity::Date(date) => parse_date(date)
                .err()
                .map(|why| format!("invalid date `{date}`: {why}")),
            _ => None,
        };
        if let Some(problem) = problem {
            self.error_at(parsed, path, format!("value out of range: {problem}"))
                .help = Some("check the figure against its source".to_string());
        }
    }

    /// Rule 6 and the indicator values. Returns the region ids.
    fn check_territories(&mut self, parsed: &Parsed<Territories>) -> BTreeSet<String> {
        let t = &parsed.value;
        if t.country.hcp_code != "MA" {
            self.error_at(
                parsed,
                "country.hcp_code",
                format!("the country's HCP code is `{}`", t.country.hcp_code),
            )
            .help = Some("the national row has HCP code `MA`".to_string());
        }
        let expected: Vec<String> = (1..=REGION_COUNT).map(|n| format!("{n:02}")).collect();
        let mut codes: HashMap<&str, usize> = HashMap::new();
        for (i, region) in t.regions.iter().enumerate() {
            let path = format!("regions[{i}].hcp_code");
            if !expected.contains(&region.hcp_code) {
                self.error_at(
                    parsed,
                    &path,
                    format!("invalid HCP region code `{}`", region.hcp_code),
                )
                .help = Some("region codes run from `01` to `12`".to_string());
            } else if let Some(first) = codes.insert(&region.hcp_code, i) {
                let first_id = &t.regions[first].id;
                self.error_at(
                    parsed,
                    &path,
                    format!("HCP code `{}` is used twice", region.hcp_code),
                )
                .help = Some(format!(
                    "region `{first_id}` already has code `{}`",
                    region.hcp_code
                ));
            }
        }
        if t.regions.len() != REGION_COUNT {
            let missing: Vec<&str> = expected
                .iter()
                .map(String::as_str)
                .filter(|c| !codes.contains_key(c))
                .collect();
            let d = self.error_at(
                parsed,
                "regions",
                format!(
                    "the dataset has {} regions, not {REGION_COUNT}",
                    t.regions.len()
                ),
            );
            d.help = Some(if missing.is_empty() {
                "the 2015 division has exactly 12 regions, HCP codes 01 to 12; remove the extra ones".to_string()
            } else {
                format!(
                    "the 2015 division has 12 regions; missing HCP codes: {}",
                    missing.join(", ")
                )
            });
        }

        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, region) in t.regions.iter().enumerate() {
            let path = format!("regions[{i}].id");
            self.check_slug(parsed, &path, "region", &region.id);
            if RESERVED_IDS.contains(&region.id.as_str()) {
                self.error_at(
                    parsed,
                    &path,
                    format!("region id `{}` is reserved", region.id),
                )
                .help = Some(format!(
                    "`{}` names a brief of its own; choose another id",
                    region.id
                ));
            }
            if let Some(first) = ids.insert(&region.id, i) {
                let first_at = self.position(
                    &parsed.file,
                    self.span(parsed, &format!("regions[{first}].id")),
                );
                self.error_at(
                    parsed,
                    &path,
                    format!("duplicate region id `{}`", region.id),
                )
                .help = Some(format!(
                    "ids are unique among regions; `{}` is first defined at {first_at}",
                    region.id
                ));
            }
            self.plain(parsed, &format!("regions[{i}].name_fr"), &region.name_fr);
            self.plain(parsed, &format!("regions[{i}].name_ar"), &region.name_ar);
        }

        // Indicators: one value per (kind, year), in range, the same set everywhere.
        let national = self.indicator_keys(parsed, "country", &t.country.indicators);
        for (i, region) in t.regions.iter().enumerate() {
            let own = self.indicator_keys(parsed, &format!("regions[{i}]"), &region.indicators);
            for (kind, year) in national.difference(&own) {
                self.error_at(
                    parsed,
                    &format!("regions[{i}].indicators"),
                    format!("region `{}` has no {kind:?} value for {year}", region.id),
                )
                .help = Some("every region carries the indicators the country carries, so that each can be compared with the national value".to_string());
            }
            for (kind, year) in own.difference(&national) {
                self.error_at(
                    parsed,
                    &format!("regions[{i}].indicators"),
                    format!(
                        "region `{}` has a {kind:?} value for {year}, but the country has none",
                        region.id
                    ),
                )
                .help = Some(
                    "add the national value to `country.indicators`, to compare the region with"
                        .to_string(),
                );
            }
        }
        t.regions.iter().map(|r| r.id.clone()).collect()
    }

    fn indicator_keys(
        &mut self,
        parsed: &Parsed<Territories>,
        owner: &str,
        indicators: &[crate::model::Indicator],
    ) -> BTreeSet<(IndicatorKind, i32)> {
        let mut keys = BTreeSet::new();
        for (j, indicator) in indicators.iter().enumerate() {
            let path = format!("{owner}.indicators[{j}]");
            if !keys.insert((indicator.kind, indicator.year)) {
                self.error_at(
                    parsed,
                    &format!("{path}.kind"),
                    format!("{:?} for {} is given twice", indicator.kind, indicator.year),
                )
                .help = Some("keep one value per indicator and year".to_string());
            }
            if !(1900..=2100).contains(&indicator.year) {
                self.error_at(
                    parsed,
                    &format!("{path}.year"),
                    format!("year {} is outside 1900 to 2100", indicator.year),
                )
                .help = Some("write the census year, for example `2024`".to_string());
            }
            let v = indicator.value;
            let problem = match indicator.kind.unit() {
                _ if !v.is_finite() => Some(format!("{v} is not a number")),
                Unit::Percent if !(0.0..=100.0).contains(&v) => {
                    Some(format!("percentage {v} is outside 0 to 100"))
                }
                Unit::Count if v < 1.0 || v.fract() != 0.0 => {
                    Some(format!("count {v} is not a positive whole number"))
                }
                Unit::Kilometres if v < 0.0 => Some(format!("distance {v} is negative")),
                _ => None,
            };
            if let Some(problem) = problem {
                self.error_at(
                    parsed,
                    &format!("{path}.value"),
                    format!("value out of range: {problem}"),
                )
                .help = Some("check the value against the HCP table".to_string());
            }
            if indicator.source.is_none() {
                let d = self.error_at(
                    parsed,
                    &format!("{path}.kind"),
                    format!("{:?} value has no source", indicator.kind),
                );
                d.label = Some("this value names no source".to_string());
                d.help = Some(
                    "every indicator value names its source: add `source: \"<source id>\"`"
                        .to_string(),
                );
            }
        }
        keys
    }

    fn check_territory_refs(&mut self, parsed: &Parsed<Territories>, refs: &Refs) {
        let t = &parsed.value;
        let mut owners: Vec<(String, &crate::model::Capital, &[crate::model::Indicator])> = vec![(
            "country".to_string(),
            &t.country.capital,
            &t.country.indicators,
        )];
        for (i, region) in t.regions.iter().enumerate() {
            owners.push((format!("regions[{i}]"), &region.capital, &region.indicators));
        }
        for (owner, capital, indicators) in owners {
            self.text(parsed, &format!("{owner}.capital.name"), &capital.name);
            self.reference(
                parsed,
                &format!("{owner}.capital.decree"),
                "source",
                &capital.decree,
                &refs.sources,
            );
            self.reference(
                parsed,
                &format!("{owner}.capital.coordinates"),
                "source",
                &capital.coordinates,
                &refs.sources,
            );
            if !(-90.0..=90.0).contains(&capital.lat) || !(-180.0..=180.0).contains(&capital.lon) {
                self.error_at(
                    parsed,
                    &format!("{owner}.capital"),
                    format!(
                        "coordinates ({}, {}) are not a place on Earth",
                        capital.lat, capital.lon
                    ),
                )
                .help = Some(
                    "`lat` is within -90 to 90 and `lon` within -180 to 180, in degrees"
                        .to_string(),
                );
            }
            for (j, indicator) in indicators.iter().enumerate() {
                if let Some(source) = &indicator.source {
                    self.reference(
                        parsed,
                        &format!("{owner}.indicators[{j}].source"),
                        "source",
                        source,
                        &refs.sources,
                    );
                }
            }
        }
    }

    fn check_outlines(&mut self, parsed: &Parsed<Outlines>, refs: &Refs) {
        let o = &parsed.value;
        self.reference(parsed, "source", "source", &o.source, &refs.sources);
        let mut seen = BTreeSet::new();
        for (i, outline) in o.regions.iter().enumerate() {
            let path = format!("regions[{i}]");
            self.reference(
                parsed,
                &format!("{path}.region"),
                "region",
                &outline.region,
                &refs.regions,
            );
            if !seen.insert(outline.region.as_str()) {
                self.error_at(
                    parsed,
                    &format!("{path}.region"),
                    format!("region `{}` has two outlines", outline.region),
                )
                .help = Some("keep one outline per region".to_string());
            }
            let ring = &outline.ring;
            if ring.len() < 4 || ring.first() != ring.last() {
                self.error_at(
                    parsed,
                    &format!("{path}.ring"),
                    format!("the outline of `{}` is not a closed ring", outline.region),
                )
                .help = Some(
                    "a ring has at least 4 points and its last point repeats its first".to_string(),
                );
            }
            let (west, south, east, north) = MOROCCO_BOUNDS;
            if let Some((j, _)) = ring.iter().enumerate().find(|(_, (lon, lat))| {
                !(west..=east).contains(lon) || !(south..=north).contains(lat)
            }) {
                self.error_at(
                    parsed,
                    &format!("{path}.ring[{j}]"),
                    "point lies outside Morocco's bounding box".to_string(),
                )
                .help = Some(format!(
                    "points are written `(lon, lat)` in degrees, longitude first, within longitude {west} to {east} and latitude {south} to {north}"
                ));
            }
        }
        if let Some(regions) = &refs.regions {
            for region in regions.iter().filter(|r| !seen.contains(r.as_str())) {
                self.error_at(
                    parsed,
                    "regions",
                    format!("region `{region}` has no outline"),
                )
                .help = Some("add an `Outline(region: ..., ring: [...])` for it".to_string());
            }
        }
    }

    /// Each chef-lieu falls inside its region's outline (or just off a simplified coast).
    fn check_capitals(&mut self, territories: &Parsed<Territories>, outlines: &Parsed<Outlines>) {
        for (i, region) in territories.value.regions.iter().enumerate() {
            let Some(outline) = outlines
                .value
                .regions
                .iter()
                .find(|o| o.region == region.id)
            else {
                continue;
            };
            let point = (region.capital.lon, region.capital.lat);
            if inside(point, &outline.ring)
                || distance_to_ring(point, &outline.ring) <= CAPITAL_TOLERANCE
            {
                continue;
            }
            let d = self.error_at(
                territories,
                &format!("regions[{i}].capital"),
                format!(
                    "the chef-lieu of `{}` (lat {}, lon {}) lies outside the region's outline",
                    region.id, region.capital.lat, region.capital.lon
                ),
            );
            d.help = Some(format!(
                "check `lat` and `lon` (degrees north and east), or the outline of `{}` in outlines.ron",
                region.id
            ));
        }
    }

    fn check_proposals(&mut self, proposals: &[(Parsed<Proposal>, String)], refs: &Refs) {
        let mut ids: HashMap<String, String> = HashMap::new();
        let mut orders: HashMap<u32, String> = HashMap::new();
        for (parsed, stem) in proposals {
            let p = &parsed.value;
            self.check_slug(parsed, "id", "proposal", &p.id);
            if &p.id != stem {
                self.error_at(
                    parsed,
                    "id",
                    format!(
                        "proposal id `{}` does not match its file name `{stem}.ron`",
                        p.id
                    ),
                )
                .help = Some(format!(
                    "rename the file to `{}.ron`, or set `id: \"{stem}\"`",
                    p.id
                ));
            }
            if RESERVED_IDS.contains(&p.id.as_str()) {
                self.error_at(parsed, "id", format!("proposal id `{}` is reserved", p.id))
                    .help = Some(format!(
                    "`{}` names a brief of its own; choose another id",
                    p.id
                ));
            }
            if refs.regions.as_ref().is_some_and(|r| r.contains(&p.id)) {
                self.error_at(
                    parsed,
                    "id",
                    format!("proposal id `{}` is also a region id", p.id),
                )
                .help = Some(
                    "brief ids are shared by proposals and regions; choose another id".to_string(),
                );
            }
            if let Some(other) = ids.insert(p.id.clone(), parsed.file.clone()) {
                self.error_at(parsed, "id", format!("duplicate proposal id `{}`", p.id))
                    .help = Some(format!("`{other}` has the same id"));
            }
            if let Some(other) = orders.insert(p.order, p.id.clone()) {
                self.error_at(
                    parsed,
                    "order",
                    format!("order {} is also that of proposal `{other}`", p.order),
                )
                .help = Some("give each proposal its own position in the briefs".to_string());
            }
            for (field, text) in [
                ("title", &p.title),
                ("short_title", &p.short_title),
                ("summary", &p.summary),
                ("context", &p.context),
                ("rationale", &p.rationale),
            ] {
                self.text(parsed, field, text);
            }
            for (field, list, what) in [
                ("key_points", &p.key_points, "the list of key points"),
                ("measures", &p.measures, "the list of measures"),
                ("attention", &p.attention, "the list of points of attention"),
                ("questions", &p.questions, "the list of open questions"),
            ] {
                self.texts(parsed, field, list);
                self.non_empty(parsed, field, list, what);
            }
            match &p.scope {
                Scope::Regions(regions) => {
                    self.non_empty(parsed, "scope", regions, "the list of regions");
                    for (i, region) in regions.iter().enumerate() {
                        self.reference(
                            parsed,
                            &format!("scope.0[{i}]"),
                            "region",
                            region,
                            &refs.regions,
                        );
                    }
                }
                Scope::National | Scope::EveryRegion => {}
            }
            self.non_empty(parsed, "actors", &p.actors, "the list of actors");
            for (i, role) in p.actors.iter().enumerate() {
                self.reference(
                    parsed,
                    &format!("actors[{i}].actor"),
                    "actor",
                    &role.actor,
                    &refs.actors,
                );
                self.text(parsed, &format!("actors[{i}].role"), &role.role);
            }
            for (i, figure) in p.figures.iter().enumerate() {
                self.reference(
                    parsed,
                    &format!("figures[{i}]"),
                    "figure",
                    figure,
                    &refs.figures,
                );
            }
            self.non_empty(parsed, "sources", &p.sources, "the list of sources");
            for (i, source) in p.sources.iter().enumerate() {
                self.reference(
                    parsed,
                    &format!("sources[{i}]"),
                    "source",
                    source,
                    &refs.sources,
                );
            }
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

/// Whether a (lon, lat) point is inside a closed ring (even-odd rule).
pub fn inside((x, y): (f64, f64), ring: &[(f64, f64)]) -> bool {
    let mut inside = false;
    for pair in ring.windows(2) {
        let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// The distance in degrees from a point to the nearest edge of a ring.
fn distance_to_ring((px, py): (f64, f64), ring: &[(f64, f64)]) -> f64 {
    ring.windows(2)
        .map(|pair| {
            let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
            let (dx, dy) = (x2 - x1, y2 - y1);
            let length = dx * dx + dy * dy;
            let t = if length > 0.0 {
                (((px - x1) * dx + (py - y1) * dy) / length).clamp(0.0, 1.0)
            } else {
                0.0
            };
            ((px - x1 - t * dx).powi(2) + (py - y1 - t * dy).powi(2)).sqrt()
        })
        .fold(f64::INFINITY, f64::min)
}

/// A parsed value, or ron's error and the bytes it is about.
type ParseResult<T> = Result<T, (Range<usize>, ron::Error)>;

/// Parses `text` as a `T`; on failure, the error and the bytes it is about.
fn parse_text<T: DeserializeOwned>(text: &str) -> ParseResult<T> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let err = match options.from_str::<T>(text) {
        Ok(value) => return Ok(value),
        Err(err) => err,
    };
    let start = offset_of(text, err.span.start.line, err.span.start.col);
    let end = offset_of(text, err.span.end.line, err.span.end.col).max(start);
    let mut span = if end > start {
        start..end
    } else {
        start..start + 1
    };
    // ron may point at the blank before the offending value: point at the value.
    let blank = text[span.start..].len() - text[span.start..].trim_start().len();
    if blank > 0 && span.start + blank < text.len() {
        span = span.start + blank..span.end.max(span.start + blank + 1);
    }
    if let ron::Error::MissingStructField {
        outer: Some(outer), ..
    } = &err.code
    {
        // Point at the entry that lacks the field, not at its closing bracket.
        if let Some(open) = text[..span.start].rfind(&format!("{outer}(")) {
            span = open..open + outer.len();
        }
    }
    if matches!(err.code, ron::Error::ExpectedComma) {
        // The comma is missing after the previous value, not before the next one.
        let before = text[..start].trim_end().len();
        span = before..before + 1;
    }
    Err((span, err.code))
}

/// `f` over `items`, in order, on the machine's cores when there are enough items to share.
fn parallel_map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads < 2 || items.len() < 64 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let f = &f;
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<U>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            let within: usize = l
                .chars()
                .take(col.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return offset + within;
        }
        offset += l.len();
    }
    text.len()
}

fn parse_message(error: &ron::Error) -> String {
    use ron::Error as E;
    match error {
        E::NoSuchStructField { found, outer, .. } => match outer {
            Some(outer) => format!("unknown field `{found}` in `{outer}`"),
            None => format!("unknown field `{found}`"),
        },
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("missing field `{field}` in `{outer}`"),
            None => format!("missing field `{field}`"),
        },
        E::NoSuchEnumVariant { found, outer, .. } => match outer {
            Some(outer) => format!("unknown variant `{found}` of `{outer}`"),
            None => format!("unknown variant `{found}`"),
        },
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

fn parse_help(error: &ron::Error) -> Option<String> {
    use ron::Error as E;
    let suggest = |found: &str, expected: &[&str]| -> String {
        let known: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
        match closest(found, &known) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!(
                "expected one of {}",
                expected
                    .iter()
                    .map(|e| format!("`{e}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    match error {
        E::NoSuchStructField {
            expected, found, ..
        } => Some(suggest(found, expected)),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => Some(suggest(found, expected)),
        E::MissingStructField { field, .. } => Some(format!("add `{field}: ...` to this entry")),
        E::DuplicateStructField { field, .. } => Some(format!("keep one `{field}`")),
        E::ExpectedComma => Some("separate fields and list items with commas".to_string()),
        E::ExpectedMap => Some(
            "a text is written in every language of the dataset: {\"fr\": \"...\", \"en\": \"...\", \"ar\": \"...\"}"
                .to_string(),
        ),
        E::ExpectedStringEnd => Some("a string is never closed: add the closing `\"`".to_string()),
        E::Eof => {
            Some("the file ends too early: look for an unclosed `(`, `[` or `\"`".to_string())
        }
        _ => None,
    }
}

/// The known id closest to `value`, if it is close enough to be a typo.
pub fn closest<'a>(value: &str, known: impl IntoIterator<Item = &'a String>) -> Option<&'a String> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(value, k), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, k)| k)
}

/// `[a-z0-9-]+`.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The slug an id was probably meant to be.
fn slugify(id: &str) -> String {
    let mut slug = String::new();
    for c in id.chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_string()
}

/// The `{name}` placeholders of a label.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    found.insert(name.to_string());
                }
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    found
}

/// Words that mark an unfinished text, in any case.
const PLACEHOLDER_WORDS: [&str; 6] = ["todo", "tbd", "fixme", "xxx", "lorem", "placeholder"];

/// Phrases that do, in any case; each with an ASCII part of it to look for first.
const PLACEHOLDER_PHRASES: [(&str, &str); 1] = [("à compléter", "compl")];

/// Marks that do wherever they stand.
const PLACEHOLDER_MARKS: [&str; 1] = ["???"];

/// Looks for every word, phrase anchor and mark at once, in any ASCII case.
static PLACEHOLDER_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        let patterns = PLACEHOLDER_WORDS
            .iter()
            .chain(PLACEHOLDER_PHRASES.iter().map(|(_, anchor)| anchor))
            .chain(&PLACEHOLDER_MARKS);
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(patterns)
            .expect("a few short literal patterns")
    });

/// The placeholder `text` holds, if any. Every text of the dataset passes here: one scan
/// finds the candidates, and characters are decoded only around them.
fn placeholder(text: &str) -> Option<&'static str> {
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    PLACEHOLDER_FINDER.find_iter(text).find_map(|hit| {
        let (start, end) = (hit.start(), hit.end());
        let mut index = hit.pattern().as_usize();
        if let Some(word) = PLACEHOLDER_WORDS.get(index) {
            let whole = !alphanumeric(text[..start].chars().next_back())
                && !alphanumeric(text[end..].chars().next());
            return whole.then_some(*word);
        }
        index -= PLACEHOLDER_WORDS.len();
        if let Some((phrase, anchor)) = PLACEHOLDER_PHRASES.get(index) {
            let before = phrase.find(anchor)?;
            let candidate = text.get(start.checked_sub(before)?..)?;
            return starts_with_lowercase(candidate, phrase).then_some(*phrase);
        }
        PLACEHOLDER_MARKS
            .get(index - PLACEHOLDER_PHRASES.len())
            .copied()
    })
}

/// Whether `text`, lower-cased, starts with `lower`, without building the lower-cased copy.
fn starts_with_lowercase(text: &str, lower: &str) -> bool {
    let mut text = text.chars().flat_map(char::to_lowercase);
    lower.chars().all(|c| text.next() == Some(c))
}

/// A date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and exists in the calendar.
pub fn parse_date(date: &str) -> Result<(i32, Option<u32>, Option<u32>), String> {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize, what: &str| -> Result<u32, String> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| format!("bad {what}"))
        } else {
            Err(format!("the {what} is not {len} digits"))
        }
    };
    if parts.is_empty() || parts.len() > 3 {
        return Err("expected YYYY, YYYY-MM or YYYY-MM-DD".to_string());
    }
    let year = number(parts[0], 4, "year")? as i32;
    let month = parts.get(1).map(|m| number(m, 2, "month")).transpose()?;
    let day = parts.get(2).map(|d| number(d, 2, "day")).transpose()?;
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return Err(format!("month {m} does not exist"));
        }
        if let Some(d) = day {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if !(1..=days).contains(&d) {
                return Err(format!("day {d} does not exist in month {m}"));
            }
        }
    }
    Ok((year, month, day))
}

/// Reads the RON files of a dataset directory: the files at its top and those under
/// `proposals/`, in a stable order. `display` is how the user named the directory.
pub fn read_dir(root: &std::path::Path, display: &str) -> std::io::Result<Vec<DataFile>> {
    let mut files = Vec::new();
    for (sub, prefix) in [
        (root.to_path_buf(), String::new()),
        (root.join(PROPOSALS_DIR), format!("{PROPOSALS_DIR}/")),
        (root.join(LABELS_DIR), format!("{LABELS_DIR}/")),
    ] {
        if !prefix.is_empty() && !sub.is_dir() {
            continue;
        }
        let mut entries: Vec<_> = std::fs::read_dir(&sub)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if !path.is_file() || path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let name = format!("{prefix}{file_name}");
            let display = format!("{}/{name}", display.trim_end_matches('/'));
            let bytes = std::fs::read(&path)?;
            files.push(DataFile {
                name,
                display,
                bytes,
            });
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_whole_words_in_any_case() {
        assert_eq!(placeholder("Texte TODO ici"), Some("todo"));
        assert_eq!(placeholder("Lorem ipsum dolor"), Some("lorem"));
        assert_eq!(placeholder("date: tbd."), Some("tbd"));
        assert_eq!(placeholder("Montant : À COMPLÉTER"), Some("à compléter"));
        assert_eq!(placeholder("Budget ???"), Some("???"));
        assert_eq!(placeholder("Todolist, xxxl, fixmes"), None);
        assert_eq!(placeholder("Le plan sera complété à la rentrée"), None);
        assert_eq!(placeholder("à"), None);
        assert_eq!(placeholder("todoé, étodo"), None);
        assert_eq!(placeholder("Ça reste «TBD»"), Some("tbd"));
    }

    /// The dataset of the repository, read as `jiha` reads `--data`.
    fn repository_files() -> Vec<DataFile> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
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
