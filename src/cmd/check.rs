//! `jiha check`.

use std::path::Path;

use crate::error::Error;

pub fn run(data: Option<&Path>) -> Result<(), Error> {
    let (dataset, report) = crate::dataset::load(data)?;
    eprint!("{}", report.render());
    super::print(&format!(
        "ok: {} proposals, {} regions, {} figures, {} sources ({})\n",
        dataset.proposals.len(),
        dataset.territories.regions.len(),
        dataset.figures.len(),
        dataset.sources.len(),
        report.summary()
    ))
}
