//! `jiha check`.

use crate::cli::CheckArgs;
use crate::dataset::Source;
use crate::error::Error;

pub fn run(data: Source, args: &CheckArgs) -> Result<(), Error> {
    let (dataset, mut report) = match crate::dataset::load(data) {
        Ok(loaded) => loaded,
        Err(Error::InvalidData {
            dataset,
            mut report,
        }) => {
            report.short = args.short;
            return Err(Error::InvalidData { dataset, report });
        }
        Err(err) => return Err(err),
    };
    report.short = args.short;
    super::warn_report(&report);
    crate::output::print(&format!(
        "ok: {} proposals, {} regions, {} figures, {} sources ({})\n",
        dataset.proposals().len(),
        dataset.territories().regions.len(),
        dataset.figures().len(),
        dataset.sources().len(),
        report.summary()
    ))
}
