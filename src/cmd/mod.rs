//! One module per subcommand.

mod check;
mod export;
mod list;
mod render;
mod show;

use std::io::Write;

use include_dir::Dir;

use crate::cli::{Cli, Command};
use crate::dataset::Source;
use crate::error::Error;

/// Runs the command line on `--data`, or else on the dataset the binary embeds.
pub fn run(cli: Cli, embedded: &'static Dir<'static>) -> Result<(), Error> {
    let data = match cli.data.as_deref() {
        Some(dir) => Source::Dir(dir),
        None => Source::Embedded(embedded),
    };
    match cli.command {
        Command::List(args) => list::run(data, &args),
        Command::Show(args) => show::run(data, &args),
        Command::Render(args) => render::run(data, &args),
        Command::Check(args) => check::run(data, &args),
        Command::ExportData(args) => export::run(data, &args),
    }
}

/// The languages `requested` names, checked against the dataset's; `default` when none is
/// named; every one for `all`.
fn languages(
    dataset: &jiha_data::model::Dataset,
    requested: &[String],
    default: &[String],
) -> Result<Vec<String>, Error> {
    let known = &dataset.meta.languages;
    if requested.is_empty() {
        return Ok(default.to_vec());
    }
    let mut chosen: Vec<String> = Vec::new();
    for lang in requested {
        if lang == "all" {
            chosen.extend(known.iter().cloned());
        } else if known.contains(lang) {
            chosen.push(lang.clone());
        } else {
            return Err(Error::UnknownLanguage {
                lang: lang.clone(),
                known: known.clone(),
            });
        }
    }
    // In the dataset's order, each once.
    Ok(known
        .iter()
        .filter(|l| chosen.contains(l))
        .cloned()
        .collect())
}

/// The one language `--lang` names, or the dataset's original one (for `list` and `show`).
fn one_language(
    dataset: &jiha_data::model::Dataset,
    requested: Option<&String>,
) -> Result<Vec<String>, Error> {
    let requested: Vec<String> = requested.into_iter().cloned().collect();
    languages(
        dataset,
        &requested,
        std::slice::from_ref(&dataset.meta.original),
    )
}

/// The views of `lang`, which `languages` has checked.
fn views<'a>(
    dataset: &'a jiha_data::model::Dataset,
    lang: &'a str,
) -> Result<crate::view::Views<'a>, Error> {
    crate::view::Views::new(dataset, lang).ok_or_else(|| Error::UnknownLanguage {
        lang: lang.to_string(),
        known: dataset.meta.languages.clone(),
    })
}

/// Writes to standard output. A closed pipe (`jiha list | head -1`) is not an error: the
/// reader has what it wanted.
fn print(text: &str) -> Result<(), Error> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("<stdout>", e)),
        _ => Ok(()),
    }
}
