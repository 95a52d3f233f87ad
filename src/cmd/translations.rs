//! `jiha translations export|import`: the dataset's texts handed to translators as XLIFF 2.0,
//! and their translations written back into the RON files, nothing else in them changed.
//!
//! The texts are those of the data files (see [`jiha_data::translations`]); the label
//! catalogues are not among them: they are the program's own words, one file per language,
//! written with the templates. Each import records, in `translations/<lang>.ron`, the
//! fingerprint of the original each translation was made from, so that `check` can say when
//! an original changed since.

mod xliff;

use std::collections::BTreeMap;
use std::path::Path;

use crate::cli::{TranslationsCommand, TranslationsExportArgs, TranslationsImportArgs};
use crate::dataset::Source;
use crate::error::Error;
use jiha_data::check::{DataFile, LABELS_DIR};
use jiha_data::translations::{
    self as tr, Ledger, TRANSLATIONS_DIR, Unit, fingerprint, ledger_file,
};

pub fn run(data: Source, command: TranslationsCommand) -> Result<(), Error> {
    match command {
        TranslationsCommand::Export(args) => export(data, &args),
        TranslationsCommand::Import(args) => import(data, &args),
    }
}

/// The dataset's languages: the original, and every declared one.
struct Languages {
    original: String,
    declared: Vec<String>,
}

impl Languages {
    /// Loads and checks the dataset; its languages, and `lang` if it is one to translate
    /// into.
    fn of(data: Source, lang: &str) -> Result<Languages, Error> {
        let (dataset, report) = crate::dataset::load(data)?;
        super::warn_report(&report);
        let meta = dataset.meta();
        let languages = Languages {
            original: meta.original.clone(),
            declared: meta.languages.clone(),
        };
        if !languages.declared.iter().any(|l| l == lang) {
            return Err(Error::UnknownLanguage {
                lang: lang.to_string(),
                known: languages.declared,
            });
        }
        if lang == languages.original {
            return Err(Error::Usage(format!(
                "`{lang}` is the language the texts are written in: name a language to translate into"
            )));
        }
        Ok(languages)
    }
}

/// Whether the file `name` holds texts to translate: every data file but the label
/// catalogues and the ledgers.
fn has_texts(name: &str) -> bool {
    let under = |dir: &str| name.starts_with(&format!("{dir}/"));
    name.ends_with(".ron") && !under(LABELS_DIR) && !under(TRANSLATIONS_DIR)
}

/// The text of a data file.
fn text_of(file: &DataFile) -> String {
    String::from_utf8_lossy(&file.bytes).into_owned()
}

/// The ledger of `lang` among `files`; empty when there is none. The dataset was checked, so
/// it parses.
fn ledger_in(files: &[DataFile], lang: &str) -> Ledger {
    let name = ledger_file(lang);
    (files.iter().find(|f| f.name == name))
        .and_then(|f| tr::parse_ledger(&text_of(f)).ok())
        .unwrap_or_default()
}

fn export(data: Source, args: &TranslationsExportArgs) -> Result<(), Error> {
    let languages = Languages::of(data, &args.lang)?;
    let files = crate::dataset::files(data)?;
    let ledger = ledger_in(&files, &args.lang);
    let units: Vec<(&str, Vec<Unit>)> = (files.iter())
        .filter(|f| has_texts(&f.name))
        .map(|f| {
            let units = tr::units(&text_of(f), &languages.original, &languages.declared);
            (f.name.as_str(), units)
        })
        .collect();
    let files: Vec<xliff::FileUnits> = (units.into_iter())
        .map(|(name, units)| xliff::FileUnits {
            name,
            units,
            recorded: ledger.get(name),
        })
        .collect();
    let document = xliff::document(&languages.original, &args.lang, &files);
    if args.file == Path::new("-") {
        return crate::output::print(&document);
    }
    if !args.force && std::fs::symlink_metadata(&args.file).is_ok() {
        return Err(Error::WouldOverwrite {
            paths: vec![args.file.clone()],
        });
    }
    let (dir, name) = split(&args.file)?;
    crate::output::write_all(&dir, [(name.as_str(), document.as_bytes())])
}

/// `dir/name` as its directory (`.` for none) and its name.
fn split(path: &Path) -> Result<(std::path::PathBuf, String), Error> {
    let name = (path.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::Usage(format!("`{}` is not a file name", path.display())))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    Ok((dir, name))
}

fn import(data: Source, args: &TranslationsImportArgs) -> Result<(), Error> {
    let Source::Dir(dir) = data else {
        return Err(Error::Usage(
            "import writes into a dataset's files: name it with --data DIR (`jiha export-data DIR` writes one)".into(),
        ));
    };
    let shown = args.file.display().to_string();
    let xml = std::fs::read_to_string(&args.file).map_err(|e| Error::io(&args.file, e))?;
    let document = xliff::parse(&xml).map_err(|e| Error::Translations(format!("{shown}:{e}")))?;
    let languages = Languages::of(data, &document.lang)?;
    if document.source_lang != languages.original {
        return Err(Error::Translations(format!(
            "{shown}: its texts are translated from `{}`, and the dataset's are written in `{}`",
            document.source_lang, languages.original
        )));
    }
    let mut files = crate::dataset::files(data)?;
    let mut ledger = ledger_in(&files, &document.lang);
    let recorded = ledger.clone();
    let edits = edits(&files, &document, &languages, &mut ledger)
        .map_err(|e| Error::Translations(format!("{shown}:{e}")))?;
    let mut changed: Vec<(String, Vec<u8>)> = Vec::new();
    for file in &mut files {
        if let Some(replacements) = edits.replacements.get(&file.name) {
            file.bytes = splice(&text_of(file), replacements).into_bytes();
            changed.push((file.name.clone(), file.bytes.clone()));
        }
    }
    let ledger_name = ledger_file(&document.lang);
    let ledger_bytes = tr::write_ledger(&document.lang, &ledger).into_bytes();
    let existing = files.iter().position(|f| f.name == ledger_name);
    // A ledger that records nothing new stays as it is, comments and all.
    let ledger_changed = ledger != recorded;
    if ledger_changed {
        match existing {
            Some(i) => files[i].bytes.clone_from(&ledger_bytes),
            None => files.push(DataFile {
                display: format!("{}/{ledger_name}", dir.display()),
                name: ledger_name.clone(),
                bytes: ledger_bytes.clone(),
                unreadable: None,
            }),
        }
        changed.push((ledger_name, ledger_bytes));
    }
    // The dataset as it would be must pass the same rules, or nothing is written.
    crate::dataset::load_files(data, files)?;
    crate::output::write_all(
        dir,
        changed
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice())),
    )?;
    crate::output::print(&format!(
        "imported {} `{}` translation(s), {} of them changed\n",
        edits.imported, document.lang, edits.changed
    ))
}

/// What an import changes.
struct Edits {
    /// By file: each translation's literal span and its new literal.
    replacements: BTreeMap<String, Vec<(std::ops::Range<usize>, String)>>,
    /// The translations recorded, and those whose text changed.
    imported: usize,
    changed: usize,
}

/// The replacements the document's translations make in `files`, its units recorded in
/// `ledger`; `line:col: why` for the first unit that does not match the data.
fn edits(
    files: &[DataFile],
    document: &xliff::Document,
    languages: &Languages,
    ledger: &mut Ledger,
) -> Result<Edits, String> {
    let lang = &document.lang;
    let mut edits = Edits {
        replacements: BTreeMap::new(),
        imported: 0,
        changed: 0,
    };
    let mut seen_files = std::collections::BTreeSet::new();
    for doc_file in &document.files {
        let name = &doc_file.original;
        let file = (files.iter())
            .find(|f| f.name == *name && has_texts(&f.name))
            .ok_or_else(|| format!("{}: the dataset has no data file `{name}`", doc_file.at))?;
        if !seen_files.insert(name.clone()) {
            return Err(format!("{}: `{name}` is written twice", doc_file.at));
        }
        let units: BTreeMap<String, Unit> =
            tr::units(&text_of(file), &languages.original, &languages.declared)
                .into_iter()
                .map(|u| (u.id.clone(), u))
                .collect();
        let mut seen_units = std::collections::BTreeSet::new();
        for doc_unit in &doc_file.units {
            let at = &doc_unit.at;
            let id = &doc_unit.id;
            let unit =
                (units.get(id)).ok_or_else(|| format!("{at}: `{name}` has no text `{id}`"))?;
            if !seen_units.insert(id.clone()) {
                return Err(format!(
                    "{at}: the text `{id}` of `{name}` is written twice"
                ));
            }
            if doc_unit.source != unit.source {
                return Err(format!(
                    "{at}: the original of `{id}` in `{name}` is no longer this <source>: the translation was made from an older version; export the texts again and translate the new original"
                ));
            }
            let Some(target) = &doc_unit.target else {
                continue;
            };
            let current = (unit.targets.get(lang)).ok_or_else(|| {
                format!("{at}: `{id}` in `{name}` has no `{lang}` version to replace")
            })?;
            let changed = current.text != *target;
            if !changed && doc_unit.state == "initial" {
                // Neither changed nor confirmed: an outdated translation stays so.
                continue;
            }
            if changed {
                edits.changed += 1;
                let replacement = (current.span.clone(), jiha_data::escape::quoted(target));
                edits
                    .replacements
                    .entry(name.clone())
                    .or_default()
                    .push(replacement);
            }
            edits.imported += 1;
            let recorded = ledger.entry(name.clone()).or_default();
            recorded.insert(id.clone(), fingerprint(&unit.source));
        }
    }
    Ok(edits)
}

/// `text` with each span replaced: the rest stays byte for byte.
fn splice(text: &str, replacements: &[(std::ops::Range<usize>, String)]) -> String {
    let mut sorted: Vec<&(std::ops::Range<usize>, String)> = replacements.iter().collect();
    sorted.sort_by_key(|(span, _)| span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (span, literal) in sorted {
        out.push_str(&text[at..span.start]);
        out.push_str(literal);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}
