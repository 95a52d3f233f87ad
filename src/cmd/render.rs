//! `jiha render`.

use std::path::Path;

use crate::check::closest;
use crate::cli::RenderArgs;
use crate::error::Error;
use crate::output::write_atomic;
use crate::render::{Format, render};
use crate::view::{BriefEntry, Views, briefs};

pub fn run(data: Option<&Path>, args: &RenderArgs) -> Result<(), Error> {
    let (dataset, report) = crate::dataset::load(data)?;
    eprint!("{}", report.render());
    let all = briefs(&dataset);
    let selected = select(&all, &args.ids)?;
    let views = Views::new(&dataset);
    let format = Format::Html;

    if args.output.as_os_str() == "-" {
        let [entry] = selected.as_slice() else {
            return Err(Error::Usage(format!(
                "`-o -` writes one brief to standard output, but {} are selected; name one id",
                selected.len()
            )));
        };
        let text = render(&views, entry, format).map_err(Error::Render)?;
        return super::print(&text);
    }

    let mut written = String::new();
    for entry in selected {
        let text = render(&views, entry, format).map_err(Error::Render)?;
        let relative = format!("{}.{}", entry.stem, format.extension());
        let path = write_atomic(&args.output, &relative, text.as_bytes())?;
        written.push_str(&format!("{}\n", path.display()));
    }
    super::print(&written)
}

/// The briefs named by `ids`, in the order given; all of them when none is given.
fn select<'a>(all: &'a [BriefEntry], ids: &[String]) -> Result<Vec<&'a BriefEntry>, Error> {
    if ids.is_empty() {
        return Ok(all.iter().collect());
    }
    let mut selected: Vec<&BriefEntry> = Vec::new();
    for id in ids {
        let Some(entry) = all.iter().find(|e| &e.id == id) else {
            let known: Vec<String> = all.iter().map(|e| e.id.clone()).collect();
            return Err(Error::UnknownBrief {
                id: id.clone(),
                suggestion: closest(id, &known).cloned(),
            });
        };
        if !selected.iter().any(|e| e.id == entry.id) {
            selected.push(entry);
        }
    }
    Ok(selected)
}
