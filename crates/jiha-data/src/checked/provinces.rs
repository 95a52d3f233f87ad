//! The provinces and préfectures, once checked: each in its region, every value with its
//! source.

use super::{RegionRef, Value};
pub use crate::model::{Area, Commune, CommuneKind, IndicatorKind, ProvinceKind, ProvinceOutline};

/// A province, a préfecture or a préfecture d'arrondissements.
#[derive(Debug, Clone, PartialEq)]
pub struct Province {
    /// The id of its brief: its French name as a slug (`beni-mellal`), unique among the
    /// briefs.
    pub id: String,
    /// Its region.
    pub region: RegionRef,
    /// HCP's code (`113`; `141.01.00` for a préfecture d'arrondissements).
    pub hcp_code: String,
    pub kind: ProvinceKind,
    /// Name in French, as HCP writes it (English uses it too).
    pub name_fr: String,
    /// Name in Arabic, as HCP writes it.
    pub name_ar: String,
    /// A préfecture d'arrondissements: the code of the préfecture it divides.
    pub within: Option<String>,
    /// Its census values, in the file's order.
    pub values: Vec<ProvinceValue>,
    /// Its communes, in the order of their codes; none for a préfecture d'arrondissements.
    pub communes: Vec<Commune>,
    /// Its outline; none for a préfecture d'arrondissements.
    pub outline: Option<ProvinceOutline>,
}

/// One census value of a province: what, over whom, when, and its source.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceValue {
    pub kind: IndicatorKind,
    pub area: Area,
    /// The census year.
    pub year: i32,
    pub value: Value,
}

impl Province {
    /// Whether it has a brief of its own: a province or a préfecture, not a préfecture
    /// d'arrondissements (shown in its préfecture's brief).
    pub fn has_brief(&self) -> bool {
        self.kind != ProvinceKind::PrefectureOfArrondissements
    }

    /// Its value of `kind` over `area` in `year`, if the census gives one.
    pub fn value(&self, kind: IndicatorKind, area: Area, year: i32) -> Option<&Value> {
        let mut values = self.values.iter();
        let found = values.find(|v| (v.kind, v.area, v.year) == (kind, area, year))?;
        Some(&found.value)
    }
}
