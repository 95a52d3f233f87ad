//! `jiha check`.

use crate::cli::CheckArgs;
use crate::dataset::Source;
use crate::error::Error;
use jiha_data::checked::ProvinceKind;

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
    let provinces = dataset.provinces();
    let arrondissements = provinces
        .iter()
        .filter(|p| p.kind == ProvinceKind::PrefectureOfArrondissements)
        .count();
    let communes: usize = provinces.iter().map(|p| p.communes.len()).sum();
    crate::output::print(&format!(
        "ok: {} proposals, {} regions, {} provinces and préfectures \
         (and {} préfectures d'arrondissements), {} communes, {} figures, {} sources ({})\n",
        dataset.proposals().len(),
        dataset.territories().regions.len(),
        provinces.len() - arrondissements,
        arrondissements,
        communes,
        dataset.figures().len(),
        dataset.sources().len(),
        report.summary()
    ))
}
