//! Checks one file of a dataset against the rest of it, parsed and checked once.
//!
//! What the fuzz targets run (`fuzz/`): parsing and checking a whole dataset costs about
//! 150 ms an input under the sanitizer, nearly all of it parsing 270 KB of RON that did not
//! change; checking one file against a [`Base`] parses only that file and runs only the rules
//! about it, so that each family of rules is fuzzed at thousands of inputs a second.
//!
//! The rules run are those of [`super::load`] that concern the file: its parse, its ids, its
//! texts and its references to the base's ids, and the cross-file rules it takes part in (the
//! speech, the chefs-lieux inside their outlines, the sources cited nowhere, a province's
//! codes against the other files of provinces, a ledger's fingerprints against every file's
//! texts, kept from the base's check). A file that renames or removes ids has the other
//! files' references to them checked again (recorded once, by the base's check), and a new
//! region set the outlines and the proposals' ids checked against it. What is reported is
//! what [`super::load`] reports for the whole dataset; the few files that change what every
//! other file must be (a proposal taking another's id or order, a `dataset.ron` changing the
//! languages) are checked with the whole dataset.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::cites::{Citable, CiteText};
use super::ids::Citation;
use super::translations::FileTexts;
use super::{
    Checker, DataFile, Dataset, PROPOSALS_DIR, PROVINCES_DIR, Parsed, ParsedFiles, Refs, Report,
    checked, finish, finish_with, resolve,
};
use crate::check::IdKind;
use crate::glyphs::Coverage;
use crate::model::{Labels, Proposal, RegionProvinces};

/// A valid dataset, parsed and checked once, against which one file at a time is checked.
pub struct Base<'c> {
    root: String,
    coverage: &'c Coverage,
    /// The base's files, for a file that changes what every other file must be.
    files: Vec<DataFile>,
    /// Every reference of the base's files, for a file that renames or removes ids.
    citations: Vec<Citation>,
    /// The base's file texts, for the excerpts of findings in its files.
    texts: BTreeMap<String, Arc<str>>,
    parsed: ParsedFiles,
    refs: Refs,
    languages: Option<Vec<String>>,
    original: Option<String>,
    /// What the base's texts may cite, and every text of it with braces, for a file that
    /// changes what may be cited.
    citable: Citable,
    cite_texts: Vec<CiteText>,
    /// The texts to translate of the base's files, for a ledger.
    to_translate: Vec<FileTexts>,
    /// The base's dataset, resolved: a proposal that keeps its place is resolved into it
    /// alone.
    resolved: checked::Dataset,
}

impl std::fmt::Debug for Base<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Base").field("root", &self.root).finish()
    }
}

/// What [`Base::check_one`] found: the file and its findings, or, when the file changed the
/// ids the others refer to, the whole dataset's load.
#[allow(clippy::large_enum_variant)] // one a call, never stored
enum Checked {
    One(Option<Replaced>, Report),
    Whole(Box<Result<(checked::Dataset, Report), Report>>),
}

/// The file a [`Base::check`] parsed, as the dataset holds it.
enum Replaced {
    Meta(Box<Parsed<crate::model::Meta>>),
    Sources(Parsed<Vec<crate::model::Source>>),
    Actors(Parsed<Vec<crate::model::Actor>>),
    Figures(Parsed<Vec<crate::model::Figure>>),
    Territories(Box<Parsed<crate::model::Territories>>),
    Outlines(Parsed<crate::model::Outlines>),
    Proposal(Box<Parsed<Proposal>>, String),
    /// A file of provinces, with its file's stem.
    Provinces(Box<Parsed<RegionProvinces>>, String),
    Labels(String, Box<Parsed<Labels>>),
    /// A translations' ledger, which the dataset does not hold.
    Ledger,
}

impl<'c> Base<'c> {
    /// Parses and checks `files`; every finding if any is an error.
    pub fn new(root: &str, files: Vec<DataFile>, coverage: &'c Coverage) -> Result<Self, Report> {
        let mut checker = Checker::new(coverage);
        checker.citations = Some(Vec::new());
        checker.cite_texts = Some(Vec::new());
        let parsed = checker.parse_files(root, files.clone());
        checker.citable = parsed.citable();
        let refs = checker.collect_ids(&parsed);
        checker.check_parsed(&parsed, &refs);
        let complete = parsed.every_citing_file_read() && parsed.sources.is_some();
        if checker.report.has_errors() || !complete {
            return Err(checker.report);
        }
        let texts = checker.report.texts();
        let to_translate = checker.texts_of(&parsed.texts);
        let (resolved, _) = finish(root, dataset_with(&parsed, None), checker.report)?;
        Ok(Base {
            root: root.to_string(),
            coverage,
            files,
            texts,
            citations: checker.citations.take().unwrap_or_default(),
            parsed,
            refs,
            languages: checker.languages,
            original: checker.original,
            citable: checker.citable,
            cite_texts: checker.cite_texts.unwrap_or_default(),
            to_translate,
            resolved,
        })
    }

    /// The base's dataset, checked and resolved.
    pub fn dataset(&self) -> &checked::Dataset {
        &self.resolved
    }

    /// Every finding about `file` (a file of the dataset, by its name in it), checked
    /// against the base.
    pub fn check(&self, file: DataFile) -> Report {
        let report = match self.check_one(file) {
            Checked::One(_, report) => report,
            Checked::Whole(result) => return result.map_or_else(|r| r, |(_, r)| r),
        };
        match finish(&self.root, None, report) {
            Ok((_, report)) | Err(report) => report,
        }
    }

    /// The dataset with `file` in place of the base's file of that name (or added, for a
    /// new proposal), checked and resolved as [`super::load`] would; the file's findings if
    /// any is an error. A proposal that keeps its id and order is resolved alone, into the
    /// base's resolved dataset.
    pub fn load(&self, file: DataFile) -> Result<(checked::Dataset, Report), Report> {
        let (replaced, report) = match self.check_one(file) {
            Checked::One(replaced, report) => (replaced, report),
            Checked::Whole(result) => return *result,
        };
        if let Some(Replaced::Ledger) = replaced {
            // The dataset holds no ledger: the base's, with the ledger's findings.
            return finish_with(&self.root, report, || Some(Ok(self.resolved.clone())));
        }
        if let Some(Replaced::Proposal(p, stem)) = &replaced
            && let Some(at) = self.in_place(&p.value, stem)
        {
            let resolve = || Some(resolve::with_proposal(&self.resolved, at, &p.value));
            return finish_with(&self.root, report, resolve);
        }
        let dataset = replaced.and_then(|r| dataset_with(&self.parsed, Some(r)));
        finish(&self.root, dataset, report)
    }

    /// Where the proposal `p` (from the file `stem`) stands among the base's resolved
    /// proposals, if it takes the place of that file's proposal: the same id and order.
    fn in_place(&self, p: &Proposal, stem: &str) -> Option<usize> {
        let same = (self.parsed.proposals.iter()).any(|(other, other_stem)| {
            other_stem == stem && other.value.id == p.id && other.value.order == p.order
        });
        let proposals = self.resolved.proposals();
        same.then(|| proposals.iter().position(|other| other.id == p.id))?
    }

    /// Checks `file` against the base, unless it changes what every other file must be
    /// (another proposal's id or order, the languages): then the whole dataset, as
    /// [`super::load`] does.
    fn check_one(&self, file: DataFile) -> Checked {
        let whole = || {
            let mut files = self.files.clone();
            files.retain(|f| f.name != file.name);
            files.push(file.clone());
            Checked::Whole(Box::new(super::load(&self.root, files, self.coverage)))
        };
        let mut checker = Checker::new(self.coverage);
        for (display, text) in &self.texts {
            checker.report.keep_text(display, Arc::clone(text));
        }
        checker.languages = self.languages.clone();
        checker.original = self.original.clone();
        checker.citable = self.citable.clone();
        let (name, display) = (file.name.clone(), file.display.clone());
        let mut sorted = checker.sort_files(vec![file.clone()]);
        if let Some(file) = sorted.translations.pop() {
            self.ledger(&mut checker, &file);
            return Checked::One(Some(Replaced::Ledger), checker.report);
        }
        let has_texts = sorted.labels.is_empty();
        let replaced = if let Some(file) = sorted.proposals.pop() {
            let replaced = self.proposal(&mut checker, &file);
            if let Some(Replaced::Proposal(p, stem)) = &replaced
                && self.reaches_across(&p.value, stem)
            {
                return whole();
            }
            replaced
        } else if let Some(file) = sorted.provinces.pop() {
            let replaced = self.provinces(&mut checker, &file);
            if checker.citable != self.citable {
                self.check_cites_again(&mut checker, &file.display);
            }
            replaced
        } else if let Some(file) = sorted.labels.pop() {
            self.labels(&mut checker, &file)
        } else if let Some(file) = sorted.required.remove(&name) {
            let (replaced, refs) = self.required(&mut checker, &file);
            if checker.languages != self.languages || checker.original != self.original {
                // Every text of every file is checked against the languages.
                return whole();
            }
            if refs != self.refs {
                self.check_again(&mut checker, &file.display, &refs);
            }
            if checker.citable != self.citable {
                self.check_cites_again(&mut checker, &file.display);
            }
            replaced
        } else {
            None
        };
        if has_texts {
            let texts = [(name, display.clone())];
            checker.check_outdated(&self.parsed.ledgers, &texts, &self.to_translate);
        }
        if let Some(replaced) = &replaced {
            self.check_cited(&mut checker, &display, replaced);
            self.check_frame_used(&mut checker, replaced);
            self.check_quotes_again(&mut checker, replaced);
        }
        Checked::One(replaced, checker.report)
    }

    /// Whether a proposal (from the file `stem`) changes what the other files must be: its
    /// id or its place is another proposal's (`load` says which), or its id is new while the
    /// books name proposals (they may name the one it replaces, or take its id).
    fn reaches_across(&self, p: &Proposal, stem: &str) -> bool {
        let others = &self.parsed.proposals;
        let taken = others.iter().any(|(other, other_stem)| {
            other_stem != stem && (other.value.id == p.id || other.value.order == p.order)
        });
        let renamed = !(others.iter())
            .any(|(other, other_stem)| other_stem == stem && other.value.id == p.id);
        let books = self
            .parsed
            .meta
            .as_ref()
            .is_some_and(|m| !m.value.books.is_empty());
        taken || (books && renamed)
    }

    /// What the other files' rules say against the ids `refs` (a file renamed, removed or
    /// added some): each reference to an id that is gone, as the base's check met it, and
    /// the rules about every region.
    fn check_again(&self, checker: &mut Checker, display: &str, refs: &Refs) {
        let base = &self.parsed;
        for citation in self.citations.iter().filter(|c| c.file != display) {
            if refs
                .of(citation.kind)
                .is_none_or(|k| k.contains(&citation.value))
            {
                continue;
            }
            let found = again(checker, base.meta.as_ref(), citation, refs)
                || again(checker, base.sources.as_ref(), citation, refs)
                || again(checker, base.actors.as_ref(), citation, refs)
                || again(checker, base.figures.as_ref(), citation, refs)
                || again(checker, base.territories.as_ref(), citation, refs)
                || again(checker, base.outlines.as_ref(), citation, refs)
                || (base.proposals.iter()).any(|(p, _)| again(checker, Some(p), citation, refs))
                || (base.provinces.iter()).any(|(p, _)| again(checker, Some(p), citation, refs));
            debug_assert!(
                found,
                "a reference in no file of the base: {}",
                citation.file
            );
        }
        if refs.regions != self.refs.regions {
            if let Some(outlines) = &base.outlines
                && outlines.file != display
            {
                checker.check_every_region_outlined(outlines, refs);
            }
            for (parsed, _) in &base.proposals {
                checker.check_not_a_region(parsed, refs);
            }
            if let Some(meta) = &base.meta
                && meta.file != display
            {
                checker.check_books_not_briefs(meta, refs);
            }
        }
    }

    /// The references of the other files' texts against what `checker` may now cite (the
    /// file changed the regions, the census or the figures).
    fn check_cites_again(&self, checker: &mut Checker, display: &str) {
        let base = &self.parsed;
        for text in self.cite_texts.iter().filter(|t| t.file != display) {
            let found = cites_again(checker, base.meta.as_ref(), text)
                || cites_again(checker, base.sources.as_ref(), text)
                || cites_again(checker, base.actors.as_ref(), text)
                || cites_again(checker, base.figures.as_ref(), text)
                || cites_again(checker, base.territories.as_ref(), text)
                || cites_again(checker, base.outlines.as_ref(), text)
                || (base.proposals.iter()).any(|(p, _)| cites_again(checker, Some(p), text));
            debug_assert!(found, "a text in no file of the base: {}", text.file);
        }
    }

    /// The translations of the quotes of the file `replaced` holds against every other
    /// quote, where that file may hold quotes (`dataset.ron`, `figures.ron`, a proposal):
    /// the first translation met may now be this file's, and the finding another file's.
    fn check_quotes_again(&self, checker: &mut Checker, replaced: &Replaced) {
        let base = &self.parsed;
        let (mut meta, mut figures) = (base.meta.as_ref(), base.figures.as_ref());
        let mut proposals: Vec<(&Parsed<Proposal>, &str)> = (base.proposals.iter())
            .map(|(p, stem)| (p, stem.as_str()))
            .collect();
        match replaced {
            Replaced::Meta(m) => meta = Some(m),
            Replaced::Figures(f) => figures = Some(f),
            Replaced::Proposal(p, stem) => {
                proposals.retain(|(_, s)| s != stem);
                // In the order of the files' names, as `load` reads them.
                let at = proposals.partition_point(|(_, s)| *s < stem.as_str());
                proposals.insert(at, (p, stem));
            }
            _ => return,
        }
        checker.check_quote_translations(meta, proposals.into_iter().map(|(p, _)| p), figures);
    }

    /// The sources cited nowhere, once the file has parsed (as [`super::load`] checks them
    /// once every file has): cited by the file itself or by the base's other files.
    fn check_cited(&self, checker: &mut Checker, display: &str, replaced: &Replaced) {
        let sources = match replaced {
            Replaced::Sources(sources) => sources,
            _ => match &self.parsed.sources {
                Some(sources) => sources,
                None => return,
            },
        };
        let elsewhere = self
            .citations
            .iter()
            .filter(|c| c.kind == IdKind::Source && c.file != display);
        checker.cited.extend(elsewhere.map(|c| c.value.clone()));
        checker.check_cited(sources);
    }

    /// The frame items no proposal names, once the file has parsed (as [`super::load`] checks
    /// them once every proposal has): the file's own, or the base's, against the base's
    /// proposals with the file's in place of the one it replaces.
    fn check_frame_used(&self, checker: &mut Checker, replaced: &Replaced) {
        let base = &self.parsed;
        if !base.proposals_complete {
            return;
        }
        let meta = match replaced {
            Replaced::Meta(meta) => meta,
            _ => match &base.meta {
                Some(meta) => meta,
                None => return,
            },
        };
        let (new, stem) = match replaced {
            Replaced::Proposal(parsed, stem) => (Some(&parsed.value), stem.as_str()),
            _ => (None, ""),
        };
        let others = (base.proposals.iter())
            .filter(|(_, other)| new.is_none() || other != stem)
            .map(|(p, _)| &p.value);
        checker.check_frame_used(meta, others.chain(new));
    }

    fn proposal(&self, checker: &mut Checker, file: &DataFile) -> Option<Replaced> {
        let parsed = checker.parse::<Proposal>(Some(file))?;
        let stem = file
            .name
            .trim_start_matches(&format!("{PROPOSALS_DIR}/"))
            .trim_end_matches(".ron")
            .to_string();
        let proposals = [(parsed, stem)];
        checker.check_proposals(&proposals, self.parsed.labels.as_ref(), &self.refs);
        let [(parsed, stem)] = proposals;
        Some(Replaced::Proposal(Box::new(parsed), stem))
    }

    /// A file of provinces: its own rules, its codes and brief ids across the base's other
    /// files of provinces, its outlines inside its region's, and what the texts may cite
    /// from it.
    fn provinces(&self, checker: &mut Checker, file: &DataFile) -> Option<Replaced> {
        let base = &self.parsed;
        let parsed = checker.parse_in::<RegionProvinces>(std::slice::from_ref(file), PROVINCES_DIR);
        let (parsed, stem) = parsed.into_iter().next()?;
        checker.check_province_file(&parsed, &stem, base.territories.as_ref(), &self.refs);
        // In the order of the files' names, as `load` reads them.
        let mut files: Vec<(&Parsed<RegionProvinces>, &str)> = (base.provinces.iter())
            .filter(|(_, other)| *other != stem)
            .map(|(p, other)| (p, other.as_str()))
            .collect();
        files.push((&parsed, &stem));
        files.sort_by(|a, b| a.1.cmp(b.1));
        let (files, _): (Vec<_>, Vec<_>) = files.into_iter().unzip();
        checker.check_province_codes(&files, &self.refs);
        checker.check_province_outlines(&parsed);
        if let Some(outlines) = &base.outlines {
            checker.check_outlines_in_region(&parsed, outlines);
        }
        let territories = base.territories.as_ref().map(|t| &t.value);
        let figures = base.figures.as_ref().map(|f| f.value.as_slice());
        checker.citable = super::cites::Citable::of(territories, figures)
            .with_provinces(files.iter().map(|p| &p.value));
        Some(Replaced::Provinces(Box::new(parsed), stem))
    }

    /// A translations' ledger: its own rules, and the translations it makes outdated in
    /// every file, with the base's other ledgers.
    fn ledger(&self, checker: &mut Checker, file: &DataFile) {
        let ledger = checker.parse_ledgers(std::slice::from_ref(file));
        checker.check_ledgers(&ledger);
        let others = (self.parsed.ledgers.iter()).filter(|(l, _)| l.file != file.display);
        let ledgers = (others.chain(&ledger)).map(|(l, lang)| (&l.value, lang.as_str()));
        let mut ledgers: Vec<_> = ledgers.collect();
        // In the order of the files' names, as `load` reads them.
        ledgers.sort_by(|a, b| a.1.cmp(b.1));
        if let Some(known) = checker.translated(ledgers) {
            checker.report_outdated(&known, &self.to_translate);
        }
    }

    fn labels(&self, checker: &mut Checker, file: &DataFile) -> Option<Replaced> {
        let languages = self.languages.clone()?;
        let lang = checker.catalogue_language(file, &languages)?;
        let parsed = checker.parse::<Labels>(Some(file))?;
        let original = self.original.clone()?;
        let reference = if original == lang {
            (original, parsed.value.clone())
        } else {
            let labels = self.parsed.labels.as_ref()?.get(&original)?.clone();
            (original, labels)
        };
        checker.check_labels(&parsed, &languages, Some(&reference));
        Some(Replaced::Labels(lang, Box::new(parsed)))
    }

    /// Checks a required file; the ids the dataset defines with it.
    fn required(&self, checker: &mut Checker, file: &DataFile) -> (Option<Replaced>, Refs) {
        let mut refs = self.refs.clone();
        let replaced = self.required_with(checker, file, &mut refs);
        (replaced, refs)
    }

    fn required_with(
        &self,
        checker: &mut Checker,
        file: &DataFile,
        refs: &mut Refs,
    ) -> Option<Replaced> {
        let base = &self.parsed;
        Some(match file.name.as_str() {
            "dataset.ron" => {
                let meta = checker.parse(Some(file))?;
                checker.check_languages(&meta);
                let ids = checker.meta_ids(&meta);
                (refs.voices, refs.themes) = (Some(ids.voices), Some(ids.themes));
                refs.frame = Some(ids.frame);
                checker.check_meta(&meta, refs);
                checker.check_voices(&meta, base.sources.as_ref()?);
                Replaced::Meta(Box::new(meta))
            }
            "sources.ron" => {
                let sources: Parsed<Vec<crate::model::Source>> = checker.parse(Some(file))?;
                let ids = sources.value.iter().map(|x| &x.id);
                refs.sources = Some(checker.ids(&sources, "", IdKind::Source, ids));
                checker.check_sources(&sources, refs);
                checker.check_voices(base.meta.as_ref()?, &sources);
                Replaced::Sources(sources)
            }
            "actors.ron" => {
                let actors: Parsed<Vec<crate::model::Actor>> = checker.parse(Some(file))?;
                let ids = actors.value.iter().map(|x| &x.id);
                refs.actors = Some(checker.ids(&actors, "", IdKind::Actor, ids));
                checker.check_actors(&actors, refs);
                Replaced::Actors(actors)
            }
            "figures.ron" => {
                let figures: Parsed<Vec<crate::model::Figure>> = checker.parse(Some(file))?;
                checker.citable = checker.citable.with_figures(&figures.value);
                let ids = figures.value.iter().map(|x| &x.id);
                refs.figures = Some(checker.ids(&figures, "", IdKind::Figure, ids));
                checker.check_figures(&figures, refs);
                Replaced::Figures(figures)
            }
            "regions.ron" => {
                let territories: Parsed<crate::model::Territories> = checker.parse(Some(file))?;
                checker.citable = checker.citable.with_territories(&territories.value);
                refs.set_regions(Some(checker.check_territories(&territories)));
                checker.check_territory_refs(&territories, refs);
                checker.check_capitals(&territories, base.outlines.as_ref()?);
                // The provinces add up to their region, under its code.
                for (provinces, _) in &base.provinces {
                    checker.check_against_region(provinces, Some(&territories));
                }
                Replaced::Territories(Box::new(territories))
            }
            "outlines.ron" => {
                let outlines = checker.parse(Some(file))?;
                checker.check_outlines(&outlines, refs);
                checker.check_capitals(base.territories.as_ref()?, &outlines);
                for (provinces, _) in &base.provinces {
                    checker.check_outlines_in_region(provinces, &outlines);
                }
                Replaced::Outlines(outlines)
            }
            _ => return None,
        })
    }
}

/// Checks `citation` again against `refs` if it is in `parsed`; whether it is.
fn again<T>(
    checker: &mut Checker,
    parsed: Option<&Parsed<T>>,
    citation: &Citation,
    refs: &Refs,
) -> bool {
    let Some(parsed) = parsed.filter(|p| p.file == citation.file) else {
        return false;
    };
    let Citation {
        path, kind, value, ..
    } = citation;
    checker.reference(parsed, path, *kind, value, refs);
    true
}

/// Checks the references of `text` again if it is in `parsed`; whether it is.
fn cites_again<T>(checker: &mut Checker, parsed: Option<&Parsed<T>>, text: &CiteText) -> bool {
    let Some(parsed) = parsed.filter(|p| p.file == text.file) else {
        return false;
    };
    checker.cites_again(parsed, &text.path, &text.text);
    true
}

/// The value of a parsed file, if it parsed.
fn value<T: Clone>(parsed: &Option<Parsed<T>>) -> Option<T> {
    parsed.as_ref().map(|p| p.value.clone())
}

/// The dataset of the files `base` parsed, with `replaced` in place of its file.
fn dataset_with(base: &ParsedFiles, replaced: Option<Replaced>) -> Option<Dataset> {
    let mut dataset = Dataset {
        labels: base.labels.clone()?,
        meta: value(&base.meta)?,
        sources: value(&base.sources)?,
        actors: value(&base.actors)?,
        figures: value(&base.figures)?,
        territories: value(&base.territories)?,
        outlines: value(&base.outlines)?,
        proposals: Vec::new(),
        provinces: Vec::new(),
    };
    let mut provinces: Vec<(RegionProvinces, String)> = (base.provinces.iter())
        .map(|(p, stem)| (p.value.clone(), stem.clone()))
        .collect();
    let mut proposals: Vec<(Proposal, &str)> = base
        .proposals
        .iter()
        .map(|(p, stem)| (p.value.clone(), stem.as_str()))
        .collect();
    match replaced {
        None => {}
        Some(Replaced::Meta(p)) => dataset.meta = p.value,
        Some(Replaced::Sources(p)) => dataset.sources = p.value,
        Some(Replaced::Actors(p)) => dataset.actors = p.value,
        Some(Replaced::Figures(p)) => dataset.figures = p.value,
        Some(Replaced::Territories(p)) => dataset.territories = p.value,
        Some(Replaced::Outlines(p)) => dataset.outlines = p.value,
        Some(Replaced::Ledger) => {}
        Some(Replaced::Labels(lang, p)) => {
            dataset.labels.insert(lang, p.value);
        }
        Some(Replaced::Proposal(p, stem)) => {
            proposals.retain(|(_, s)| *s != stem);
            dataset.proposals.push(p.value);
        }
        Some(Replaced::Provinces(p, stem)) => {
            provinces.retain(|(_, s)| *s != stem);
            provinces.push((p.value, stem));
            // In the order of the files' names, as `load` reads them.
            provinces.sort_by(|a, b| a.1.cmp(&b.1));
        }
    }
    dataset.provinces = provinces.into_iter().map(|(p, _)| p).collect();
    dataset
        .proposals
        .extend(proposals.into_iter().map(|(p, _)| p));
    dataset
        .proposals
        .sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    Some(dataset)
}

/// Every finding of parsing `file` as the file of its name in a dataset holds
/// (`proposals/x.ron` a proposal, `labels/fr.ron` a catalogue...), and of nothing else: what
/// the `parse` fuzz target runs.
pub fn parse(file: DataFile, coverage: &Coverage) -> Report {
    use crate::model::{Actor, Figure, Meta, Outlines, Source, Territories};
    let mut checker = Checker::new(coverage);
    let name = file.name.clone();
    let mut sorted = checker.sort_files(vec![file]);
    if let Some(file) = sorted.proposals.pop() {
        checker.parse::<Proposal>(Some(&file));
    } else if let Some(file) = sorted.labels.pop() {
        checker.parse::<Labels>(Some(&file));
    } else if let Some(file) = sorted.provinces.pop() {
        checker.parse::<crate::model::RegionProvinces>(Some(&file));
    } else if let Some(file) = sorted.translations.pop() {
        checker.parse::<crate::translations::Ledger>(Some(&file));
    } else if let Some(file) = sorted.required.remove(&name) {
        let file = Some(&file);
        match name.as_str() {
            "dataset.ron" => checker.parse::<Meta>(file).is_some(),
            "sources.ron" => checker.parse::<Vec<Source>>(file).is_some(),
            "actors.ron" => checker.parse::<Vec<Actor>>(file).is_some(),
            "figures.ron" => checker.parse::<Vec<Figure>>(file).is_some(),
            "regions.ron" => checker.parse::<Territories>(file).is_some(),
            _ => checker.parse::<Outlines>(file).is_some(),
        };
    }
    match finish("", None, checker.report) {
        Ok((_, report)) | Err(report) => report,
    }
}

#[cfg(test)]
mod tests;
