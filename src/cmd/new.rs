//! `jiha new proposal|source|actor|figure ID`: the skeleton of a new entry, written into the
//! dataset: every required field, every text in each declared language as
//! [`TO_WRITE`], which `check` reports as "to write" until it is written. A proposal is a
//! new file; a source, an actor or a figure is appended to its list, the rest of the file
//! (comments, layout) kept byte for byte.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::cli::{NewArgs, NewKind};
use crate::error::Error;
use jiha_data::check::{PROPOSALS_DIR, TO_WRITE, is_slug};
use jiha_data::model::{Actor, Figure, Meta, Proposal, Source};

pub fn run(dir: &Path, args: &NewArgs) -> Result<(), Error> {
    let id = &args.id;
    if !is_slug(id) {
        return Err(Error::Usage(format!(
            "`{id}` is not an id: write a lower-case slug, [a-z0-9-]+"
        )));
    }
    let (meta, _) = read::<Meta>(dir, "dataset.ron")?;
    let defaults = Defaults::of(&meta)?;
    let (name, text) = match args.kind {
        NewKind::Proposal => {
            let name = format!("{PROPOSALS_DIR}/{id}.ron");
            if std::fs::symlink_metadata(dir.join(&name)).is_ok() {
                return Err(refused(
                    dir.join(&name),
                    "already exists: nothing was written",
                ));
            }
            let order = next_order(dir)?;
            (name, proposal(id, order, &meta, &defaults))
        }
        NewKind::Source => {
            let entry = source(id, &meta);
            (
                "sources.ron".into(),
                appended::<Source>(dir, "sources.ron", id, &entry, |s| &s.id)?,
            )
        }
        NewKind::Actor => {
            let entry = actor(id, &meta, &defaults);
            (
                "actors.ron".into(),
                appended::<Actor>(dir, "actors.ron", id, &entry, |a| &a.id)?,
            )
        }
        NewKind::Figure => {
            let entry = figure(id, &meta, &defaults);
            (
                "figures.ron".into(),
                appended::<Figure>(dir, "figures.ron", id, &entry, |f| &f.id)?,
            )
        }
    };
    crate::output::write_all(dir, [(name.as_str(), text.as_bytes())])
}

/// What a skeleton refers to until its author says otherwise: the dataset's first voice (its
/// source, and the actor that speaks) and its first theme, so that every reference resolves.
struct Defaults {
    source: String,
    actor: String,
    theme: String,
}

impl Defaults {
    fn of(meta: &Meta) -> Result<Defaults, Error> {
        let (Some(voice), Some(theme)) = (meta.voices.first(), meta.themes.first()) else {
            return Err(Error::Usage(
                "the dataset declares no voice or no theme in dataset.ron: a new entry needs one to refer to".into(),
            ));
        };
        Ok(Defaults {
            source: voice.source.clone(),
            actor: voice.organisation.clone(),
            theme: theme.id.clone(),
        })
    }
}

/// An error about `path`: the file, with a line when there is one.
fn refused(path: PathBuf, why: &str) -> Error {
    Error::io(
        path,
        std::io::Error::new(std::io::ErrorKind::AlreadyExists, why.to_string()),
    )
}

/// A file of the dataset, parsed as the checks parse it, and its text.
fn read<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<(T, String), Error> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let value = parse(&text).map_err(|why| {
        let why = format!("{why}; `jiha check` says more: nothing was written");
        Error::io(
            &path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, why),
        )
    })?;
    Ok((value, text))
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| e.to_string())
}

/// The position after the last proposal's: the new one comes last in the overview.
fn next_order(dir: &Path) -> Result<u32, Error> {
    let folder = dir.join(PROPOSALS_DIR);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Ok(1);
    };
    let mut last = 0;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&folder, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".ron") {
            let (proposal, _) = read::<Proposal>(dir, &format!("{PROPOSALS_DIR}/{name}"))?;
            last = last.max(proposal.order);
        }
    }
    Ok(last + 1)
}

/// The list file `name` with `entry` appended before its closing bracket, the rest kept as
/// it is; refused if an entry already has `id`, or if the result would not read back with
/// the entry last.
fn appended<T: DeserializeOwned>(
    dir: &Path,
    name: &str,
    id: &str,
    entry: &str,
    id_of: impl Fn(&T) -> &String,
) -> Result<String, Error> {
    let (list, text) = read::<Vec<T>>(dir, name)?;
    let path = dir.join(name);
    if list.iter().any(|e| id_of(e) == id) {
        let line = line_of(&text, &format!("id: \"{id}\"")).unwrap_or(1);
        let at = PathBuf::from(format!("{}:{line}", path.display()));
        let why = format!("an entry already has the id `{id}`: nothing was written");
        return Err(refused(at, &why));
    }
    let unreadable = || {
        let why = "its list does not end with `]`, so the entry could not be appended: nothing was written";
        Error::io(
            &path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, why),
        )
    };
    let close = text.rfind(']').ok_or_else(unreadable)?;
    let head = text[..close].trim_end();
    let comma = match head.chars().last() {
        Some('[') | Some(',') => "",
        _ => ",",
    };
    let new = format!("{head}{comma}\n{entry}{}", &text[close..]);
    match parse::<Vec<T>>(&new) {
        Ok(read) if read.len() == list.len() + 1 && read.last().is_some_and(|e| id_of(e) == id) => {
            Ok(new)
        }
        _ => Err(unreadable()),
    }
}

/// The line (from 1) of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> Option<usize> {
    let at = text.find(needle)?;
    Some(text[..at].matches('\n').count() + 1)
}

/// A text to write in every declared language, indented by `indent` spaces.
fn text(languages: &[String], indent: usize) -> String {
    let pad = " ".repeat(indent);
    let versions: String = (languages.iter())
        .map(|lang| format!("{pad}    \"{lang}\": \"{TO_WRITE}\",\n"))
        .collect();
    format!("{{\n{versions}{pad}}}")
}

/// A quote to write: its words in the original, a translation into every other language.
fn quote(meta: &Meta) -> String {
    let translations: Vec<String> = (meta.languages.iter())
        .filter(|l| **l != meta.original)
        .map(|lang| format!("\"{lang}\": \"{TO_WRITE}\""))
        .collect();
    format!(
        "Quote(words: \"{TO_WRITE}\", paragraph: 1, translation: {{{}}})",
        translations.join(", ")
    )
}

/// A statement of the speaker to write, with one quote, indented by `indent` spaces.
fn said(meta: &Meta, indent: usize) -> String {
    let pad = " ".repeat(indent);
    format!(
        "Said(\n{pad}    text: {},\n{pad}    quotes: [\n{pad}        {},\n{pad}    ],\n{pad})",
        text(&meta.languages, indent + 4),
        quote(meta)
    )
}

fn proposal(id: &str, order: u32, meta: &Meta, d: &Defaults) -> String {
    let t = |indent| text(&meta.languages, indent);
    format!(
        "// A new proposal, from `jiha new proposal`: every `{TO_WRITE}` is to write (`jiha check` lists\n\
         // them), the quotes' words as the source prints them, with their paragraph. The voice,\n\
         // theme, stance, scope, actor and source are the dataset's first: change them to fit.\n\
         // Fields and rules: `jiha help data-format`.\n\
         Proposal(\n    id: \"{id}\",\n    order: {order},\n    title: {},\n    short_title: {},\n\
         \x20   voice: \"{}\",\n    theme: \"{}\",\n    stance: Proposal,\n    scope: National,\n\
         \x20   summary: {},\n    said: [\n        {},\n    ],\n    context: {},\n\
         \x20   figures: [],\n    frame: [],\n    indicators: [],\n\
         \x20   actors: [\n        Role(actor: \"{}\", role: {}),\n    ],\n\
         \x20   relevance: {},\n    attention: [\n        {},\n    ],\n\
         \x20   questions: [\n        {},\n    ],\n    sources: [\"{}\"],\n)\n",
        t(4),
        t(4),
        d.source,
        d.theme,
        said(meta, 4),
        said(meta, 8),
        t(4),
        d.actor,
        t(8),
        t(4),
        t(8),
        t(8),
        d.source,
    )
}

fn source(id: &str, meta: &Meta) -> String {
    format!(
        "    // Added by `jiha new source`: every `{TO_WRITE}` is to write; the kind, the author, the\n\
         \x20   // address and the note are yours to set (`jiha help data-format`).\n\
         \x20   Source(\n        id: \"{id}\",\n        kind: Report,\n        title: \"{TO_WRITE}\",\n\
         \x20       author: None,\n        publisher: Some({}),\n        date: Some(\"{TO_WRITE}\"),\n\
         \x20       url: None,\n        note: None,\n    ),\n",
        text(&meta.languages, 8)
    )
}

fn actor(id: &str, meta: &Meta, d: &Defaults) -> String {
    format!(
        "    // Added by `jiha new actor`: every `{TO_WRITE}` is to write; the kind and the sources\n\
         \x20   // that name them are yours to set (`jiha help data-format`).\n\
         \x20   Actor(\n        id: \"{id}\",\n        name: {},\n        kind: Company,\n\
         \x20       description: {},\n        sources: [\"{}\"],\n    ),\n",
        text(&meta.languages, 8),
        text(&meta.languages, 8),
        d.source
    )
}

fn figure(id: &str, meta: &Meta, d: &Defaults) -> String {
    format!(
        "    // Added by `jiha new figure`: every `{TO_WRITE}` is to write; the value as Count(n),\n\
         \x20   // Percent(x), Years(n), Year(y), Date(\"YYYY-MM-DD\") or Kilometres(x); the source and\n\
         \x20   // the status are yours to set (`jiha help data-format`).\n\
         \x20   Figure(\n        id: \"{id}\",\n        label: {},\n        value: Date(\"{TO_WRITE}\"),\n\
         \x20       period: None,\n        scope: {},\n        source: Some(\"{}\"),\n\
         \x20       status: Reported,\n        note: None,\n    ),\n",
        text(&meta.languages, 8),
        text(&meta.languages, 8),
        d.source
    )
}
