//! `jiha show`.

use std::path::Path;

use crate::cli::ShowArgs;
use crate::error::Error;
use crate::render::{Format, Options, render};
use crate::view::{Views, briefs};

pub fn run(data: Option<&Path>, args: &ShowArgs) -> Result<(), Error> {
    let (dataset, report) = crate::dataset::load(data)?;
    eprint!("{}", report.render());
    let all = briefs(&dataset);
    let entry = super::render::select(&all, std::slice::from_ref(&args.id))?;
    let views = Views::new(&dataset);
    let options = Options { width: args.width };
    let mut text = Vec::new();
    for entry in entry {
        text.extend(render(&views, entry, Format::Txt, options).map_err(Error::Render)?);
    }
    super::print(&String::from_utf8_lossy(&text))
}
