//! `jiha show`: a render of one brief, as text, to standard output.

use crate::cli::ShowArgs;
use crate::dataset::Source;
use crate::error::Error;
use crate::plan::{Output, Plan, Request};
use crate::render::{Format, Options};

pub fn run(data: Source, args: &ShowArgs) -> Result<(), Error> {
    let (dataset, report) = crate::dataset::load(data)?;
    super::warn_report(&report);
    let request = Request {
        output: Output::Stdout,
        ids: args.id.as_slice(),
        kinds: &[],
        formats: vec![Format::Txt],
        langs: args.lang.as_slice(),
        regions: &args.book.region,
        briefs: &args.book.briefs,
        options: Options {
            width: args.width,
            style: None,
        },
    };
    let plan = Plan::new(&dataset, &request)?;
    crate::jobs::run(&plan)
}
