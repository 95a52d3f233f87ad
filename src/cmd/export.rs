//! `jiha export-data`: the dataset as editable RON files, each opening with a comment that
//! says what it holds and where its fields are described.

use crate::cli::ExportArgs;
use crate::dataset::Source;
use crate::error::Error;

pub fn run(data: Source, args: &ExportArgs) -> Result<(), Error> {
    let files = crate::dataset::files(data)?;
    if !args.force {
        let existing: Vec<_> = files
            .iter()
            .map(|f| args.dir.join(&f.name))
            .filter(|p| std::fs::symlink_metadata(p).is_ok())
            .collect();
        if !existing.is_empty() {
            return Err(Error::WouldOverwrite { paths: existing });
        }
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
        _ if name.starts_with("labels/") => {
            format!("the labels of the `{}` edition", stem("labels/"))
        }
        _ => format!("`{name}`"),
    }
}
