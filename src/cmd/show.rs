//! `jiha show`.

use crate::cli::ShowArgs;
use crate::dataset::Source;
use crate::error::Error;
use crate::render::{Format, Options, render};

pub fn run(data: Source, args: &ShowArgs) -> Result<(), Error> {
    let (dataset, report) = crate::dataset::load(data)?;
    eprint!("{}", report.render());
    let langs = super::one_language(&dataset, args.lang.as_ref())?;
    let mut text = Vec::new();
    for lang in &langs {
        let views = super::views(&dataset, lang)?;
        let all = views.briefs();
        let options = Options { width: args.width };
        for entry in super::render::select(&all, std::slice::from_ref(&args.id))? {
            text.extend(render(&views, entry, Format::Txt, options).map_err(Error::Render)?);
        }
    }
    super::print_bytes(&text)
}
