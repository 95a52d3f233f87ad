//! What a data text may cite: the census values of the country, the regions and the
//! provinces, and the figures, from the files that define them.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::cite::COUNTRY;
use crate::model::{Area, Figure, IndicatorKind, RegionProvinces, Territories};

use super::Measure;

/// What a text may cite, from the files that define it: each `None` when its file did not
/// parse, and the references to it are then not checked (as ids are not). Shared (`Arc`):
/// a file checked against a base starts from the base's.
#[derive(Debug, Clone, Default, PartialEq)]
pub(in crate::check) struct Citable {
    pub(super) territories: Option<Arc<Census>>,
    /// Each figure's id, what its value measures, and whether it is the speaker's claim.
    pub(super) figures: Option<Arc<BTreeMap<String, (Measure, bool)>>>,
}

/// One territory's census values, by indicator and year.
pub(super) type Values = BTreeMap<(IndicatorKind, i32), f64>;

/// The census values of `regions.ron`, by indicator and year.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Census {
    /// The country's: what exists.
    pub(super) country: Values,
    /// Each region's id and values, in the file's order.
    pub(super) regions: Vec<(String, Values)>,
    /// Each province's id and values over its whole population (`provinces/*.ron`), in the
    /// files' order; none until they are known.
    pub(super) provinces: Vec<(String, Values)>,
}

impl Census {
    /// The values of `territory`: the country's, a region's or a province's.
    pub(in crate::check) fn of(&self, territory: &str) -> Option<&Values> {
        if territory == COUNTRY {
            return Some(&self.country);
        }
        let mut all = self.regions.iter().chain(&self.provinces);
        all.find(|(id, _)| id == territory).map(|(_, v)| v)
    }
}

impl Citable {
    /// What the files of `parsed` define.
    pub(in crate::check) fn of(
        territories: Option<&Territories>,
        figures: Option<&[Figure]>,
    ) -> Citable {
        let values = |indicators: &[crate::model::Indicator]| {
            indicators
                .iter()
                .filter(|i| i.area == Area::Total)
                .map(|i| ((i.kind, i.year), i.value))
                .collect()
        };
        Citable {
            territories: territories.map(|t| {
                Arc::new(Census {
                    country: values(&t.country.indicators),
                    regions: t
                        .regions
                        .iter()
                        .map(|r| (r.id.clone(), values(&r.indicators)))
                        .collect(),
                    provinces: Vec::new(),
                })
            }),
            figures: figures.map(|f| {
                Arc::new(
                    f.iter()
                        .map(|f| {
                            let claim = f.status == crate::model::Status::SpeakerClaim;
                            (f.id.clone(), (Measure::of_quantity(&f.value), claim))
                        })
                        .collect(),
                )
            }),
        }
    }

    /// With the territories of `regions.ron` as `territories` gives them.
    pub(in crate::check) fn with_territories(&self, territories: &Territories) -> Citable {
        let mut citable = Citable::of(Some(territories), None);
        citable.figures = self.figures.clone();
        if let (Some(new), Some(old)) = (&mut citable.territories, &self.territories) {
            Arc::make_mut(new).provinces = old.provinces.clone();
        }
        citable
    }

    /// With the provinces of `provinces/*.ron`, once the territories are known.
    pub(in crate::check) fn with_provinces<'p>(
        mut self,
        files: impl IntoIterator<Item = &'p RegionProvinces>,
    ) -> Citable {
        if let Some(census) = &mut self.territories {
            let provinces = files.into_iter().flat_map(|f| &f.provinces);
            Arc::make_mut(census).provinces = provinces
                .map(|p| {
                    let total = p.indicators.iter().filter(|i| i.area == Area::Total);
                    (p.id(), total.map(|i| ((i.kind, i.year), i.value)).collect())
                })
                .collect();
        }
        self
    }

    /// With the figures of `figures.ron` as `figures` gives them.
    pub(in crate::check) fn with_figures(&self, figures: &[Figure]) -> Citable {
        let mut citable = Citable::of(None, Some(figures));
        citable.territories = self.territories.clone();
        citable
    }
}
