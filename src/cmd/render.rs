//! `jiha render`: the command line turned into a plan, and the plan carried out.

use crate::cli::RenderArgs;
use crate::dataset::Source;
use crate::error::Error;
use crate::plan::{Output, Plan, Request};
use crate::render::{Format, Options};

pub fn run(data: Source, args: &RenderArgs) -> Result<(), Error> {
    // The style lives as long as the command: every job of the plan reads it.
    let style = match &args.style {
        Some(dir) => Some(&*Box::leak(Box::new(crate::render::Style::load(dir)?))),
        None => None,
    };
    let request = Request {
        output: Output::from_arg(args.output.clone()),
        ids: &args.ids,
        kinds: &args.kind,
        formats: args.format.iter().flatten().copied().collect(),
        langs: &args.lang,
        regions: &args.book.region,
        briefs: &args.book.briefs,
        options: Options {
            width: args.width,
            style,
        },
    };
    if request.formats.contains(&Format::Pdf)
        || (request.formats.is_empty() && request.output != Output::Stdout)
    {
        crate::render::typst::prepare();
    }
    let (dataset, report) = crate::dataset::load(data)?;
    super::warn_report(&report);
    let plan = Plan::new(&dataset, &request)?;
    crate::jobs::run(&plan)
}
