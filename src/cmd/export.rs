//! `jiha export-data`: the dataset as editable RON files, each opening with a comment that
//! says what it holds and where its fields are described.

use crate::cli::{ExportArgs, ExportDataArgs};
use crate::dataset::Source;
use crate::error::Error;
use crate::render::style::{CSS_FILE, TYPST_FILE};
use crate::render::typst::PREAMBLE_END;
use crate::view::{BriefKind, Views, Written};

pub fn run(data: Source, args: &ExportDataArgs) -> Result<(), Error> {
    let dropped = dropped_languages(data, &args.lang)?;
    let args = &args.to;
    let mut files = crate::dataset::files(data)?;
    if !dropped.is_empty() {
        files.retain(|f| {
            !(dropped.iter()).any(|l| {
                f.name == format!("labels/{l}.ron")
                    || f.name == jiha_data::translations::ledger_file(l)
            })
        });
        for file in &mut files {
            let text = String::from_utf8_lossy(&file.bytes);
            let mut narrowed = super::narrow::without_languages(&text, &dropped);
            if file.name == "dataset.ron" {
                narrowed = declaring_only(&narrowed, &dropped);
            }
            file.bytes = narrowed.into_bytes();
        }
    }
    if !args.force {
        refuse_existing(&args.dir, files.iter().map(|f| f.name.as_str()))?;
    }
    let files: Vec<(&str, Vec<u8>)> = files
        .iter()
        .map(|f| (f.name.as_str(), with_header(&f.name, &f.bytes)))
        .collect();
    crate::output::write_all(
        &args.dir,
        files.iter().map(|(name, bytes)| (*name, bytes.as_slice())),
    )
}

/// `jiha export-style DIR`: the built-in stylesheet, and the built-in Typst preamble as the
/// overview of the dataset's original language opens with it, to edit and pass back with
/// `render --style DIR`.
pub fn style(data: Source, args: &ExportArgs) -> Result<(), Error> {
    let (dataset, report) = crate::dataset::load(data)?;
    super::warn_report(&report);
    let lang = &dataset.meta().original;
    let views = Views::new(&dataset, lang).ok_or_else(|| Error::UnknownLanguage {
        lang: lang.clone(),
        known: dataset.meta().languages.clone(),
    })?;
    let entries = views.briefs();
    let overview = (entries.iter().find(|e| e.kind == BriefKind::Overview))
        .and_then(|e| views.document(e, &Written::default()))
        .ok_or_else(|| Error::Usage("the dataset has no overview".into()))?;
    let source = crate::render::typst::source(&overview, &crate::render::style::BUILT_IN)
        .map_err(|e| Error::Usage(format!("the built-in preamble could not be written: {e}")))?;
    let preamble = commented(source.split(PREAMBLE_END).next().unwrap_or_default());
    let css = format!(
        "/* jiha's built-in stylesheet, to start from. `jiha render --style DIR` adds\n   DIR/{CSS_FILE} after the built-in one: keep only the rules you change. */\n{}",
        include_str!("../../templates/style.css")
    );
    let typst = format!(
        "// jiha's built-in Typst preamble, as the `{lang}` overview opens with it, commented out.\n// `jiha render --style DIR` adds DIR/{TYPST_FILE} after the built-in one, before each\n// brief of every edition: uncomment and change the rules you want (a later `set` or\n// `show` rule wins), or write your own, such as `#set text(size: 11pt)`.\n{preamble}"
    );
    let files = [(CSS_FILE, css), (TYPST_FILE, typst)];
    if !args.force {
        refuse_existing(&args.dir, files.iter().map(|(name, _)| *name))?;
    }
    crate::output::write_all(
        &args.dir,
        files.iter().map(|(name, text)| (*name, text.as_bytes())),
    )
}

/// Refuses to write into `dir` if any of the files `names` (relative to it) is there: an
/// export without `--force` overwrites nothing.
pub(super) fn refuse_existing<'a>(
    dir: &std::path::Path,
    names: impl IntoIterator<Item = &'a str>,
) -> Result<(), Error> {
    let existing: Vec<_> = (names.into_iter().map(|name| dir.join(name)))
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .collect();
    match existing.is_empty() {
        true => Ok(()),
        false => Err(Error::WouldOverwrite { paths: existing }),
    }
}

/// `preamble` with every line commented out: passed back as it is, it changes nothing; a
/// rule the user uncomments applies to every edition, so the language's own lines (text
/// direction, the running head's words) are best left as they are.
fn commented(preamble: &str) -> String {
    preamble
        .lines()
        .map(|line| match line {
            "" => "//\n".to_string(),
            line => format!("// {line}\n"),
        })
        .collect()
}

/// The declared languages that `--lang` leaves out; none without it. Each language kept must
/// be declared, and the original kept.
fn dropped_languages(data: Source, keep: &[String]) -> Result<Vec<String>, Error> {
    if keep.is_empty() {
        return Ok(Vec::new());
    }
    let (dataset, _) = crate::dataset::load(data)?;
    let meta = dataset.meta();
    if let Some(lang) = keep.iter().find(|l| !meta.languages.contains(l)) {
        return Err(Error::UnknownLanguage {
            lang: lang.clone(),
            known: meta.languages.clone(),
        });
    }
    if !keep.contains(&meta.original) {
        return Err(Error::Usage(format!(
            "--lang must keep `{}`, the language the texts were written in",
            meta.original
        )));
    }
    Ok((meta.languages.iter())
        .filter(|l| !keep.contains(l))
        .cloned()
        .collect())
}

/// `dataset.ron` declaring the languages `without_languages` kept: `dropped` leave its
/// `languages: [...]`.
fn declaring_only(dataset: &str, dropped: &[String]) -> String {
    let Some(start) = dataset.find("languages: [") else {
        return dataset.to_string();
    };
    let open = start + "languages: [".len();
    let Some(close) = dataset[open..].find(']').map(|n| open + n) else {
        return dataset.to_string();
    };
    let kept: Vec<&str> = (dataset[open..close].split(','))
        .map(str::trim)
        .filter(|l| !l.is_empty() && !dropped.iter().any(|d| l.trim_matches('"') == d))
        .collect();
    format!(
        "{}{}{}",
        &dataset[..open],
        kept.join(", "),
        &dataset[close..]
    )
}

/// The last line of every header: where the fields are described.
const REFERENCE: &str = "// Fields and rules: `jiha help data-format` (docs/data-format.md). Check: `jiha check --data DIR`.\n";

/// `bytes` with the header of the file `name` before them, unless they already open with it
/// (a copy exported again stays as it is).
fn with_header(name: &str, bytes: &[u8]) -> Vec<u8> {
    let header = format!("// jiha dataset: {}.\n{REFERENCE}", holds(name));
    if bytes.starts_with(header.as_bytes()) {
        return bytes.to_vec();
    }
    [header.as_bytes(), bytes].concat()
}

/// What the file `name` (relative to the dataset) holds.
fn holds(name: &str) -> String {
    let stem = |dir: &str| {
        let file = name.strip_prefix(dir).unwrap_or(name);
        file.strip_suffix(".ron").unwrap_or(file).to_string()
    };
    match name {
        "dataset.ron" => {
            "title, edition, languages, editor, voices, themes, frame, glossary, books and credits"
                .into()
        }
        "sources.ron" => "the sources every statement and figure cites".into(),
        "actors.ron" => "the actors the proposals name".into(),
        "figures.ron" => "the figures the briefs quote, each with its source and status".into(),
        "regions.ron" => "the regions and the country, with their census values".into(),
        "outlines.ron" => "the simplified outlines of the regions, for the maps".into(),
        _ if name.starts_with("proposals/") => format!("the proposal `{}`", stem("proposals/")),
        _ if name.starts_with("provinces/") => format!(
            "the provinces and communes of the region `{}` (written by scripts/import-census.py)",
            stem("provinces/")
        ),
        _ if name.starts_with("translations/") => format!(
            "the originals the `{}` translations were made from (written by `jiha translations import`)",
            stem("translations/")
        ),
        _ if name.starts_with("labels/") => {
            format!("the labels of the `{}` edition", stem("labels/"))
        }
        _ => format!("`{name}`"),
    }
}
