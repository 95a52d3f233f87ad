//! The provinces and préfectures of each region, with their communes
//! (`provinces/<region-id>.ron`, written by `scripts/import-census.py`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Indicator;

/// One region's provinces and préfectures: the file `provinces/<region-id>.ron`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionProvinces {
    /// Id of the region; the file is named after it.
    pub region: String,
    /// The region's HCP code, as `regions.ron` gives it.
    pub hcp_code: String,
    /// Its provinces and préfectures, then (in Casablanca-Settat) the préfectures
    /// d'arrondissements, in the order of their HCP codes.
    pub provinces: Vec<Province>,
    /// The outlines of its provinces and préfectures (none for a préfecture
    /// d'arrondissements), in the order of their HCP codes.
    #[serde(default)]
    pub outlines: Vec<ProvinceOutline>,
}

/// A province's or préfecture's outline: its parts and holes as closed rings.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvinceOutline {
    /// The HCP code of the province (`113`).
    pub province: String,
    /// Where its number goes on a map: a `(longitude, latitude)` point well inside it (the
    /// pole of inaccessibility of its largest part, computed by the import script).
    pub label: (f64, f64),
    /// Closed rings of `(longitude, latitude)` points in degrees: each part's outer ring,
    /// then its holes; drawn with the even-odd rule.
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// A province, a préfecture or a préfecture d'arrondissements.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// HCP's three digits (`113`); a préfecture d'arrondissements' code under its préfecture
    /// (`141.01.00`).
    pub hcp_code: String,
    /// Which of the three.
    pub kind: ProvinceKind,
    /// Name in French, as HCP writes it (English uses it too).
    pub name_fr: String,
    /// Name in Arabic, as HCP writes it.
    pub name_ar: String,
    /// A préfecture d'arrondissements: the HCP code of the préfecture it divides.
    #[serde(default)]
    pub within: Option<String>,
    /// Its census values, each with its area, year and source.
    pub indicators: Vec<Indicator>,
    /// Its communes (none for a préfecture d'arrondissements, whose arrondissements belong
    /// to the commune of its préfecture).
    pub communes: Vec<Commune>,
}

impl Province {
    /// Its id in the briefs and in a data text's references (`oujda-angad`): its French
    /// name as a slug. The rules make it unique, and distinct from every region's id.
    pub fn id(&self) -> String {
        crate::check::province_id(&self.name_fr)
    }
}

/// The three kinds of unit of the provincial level.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
pub enum ProvinceKind {
    /// A province (إقليم).
    Province,
    /// A préfecture (عمالة): an urban province.
    Prefecture,
    /// A préfecture d'arrondissements (عمالة مقاطعات), inside the préfecture of Casablanca:
    /// its population is also counted in that préfecture's.
    PrefectureOfArrondissements,
}

/// A commune, with its population in 2024 and 2014.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commune {
    /// HCP's full code: region, province, cercle and commune (`02.113.01.01`).
    pub hcp_code: String,
    /// Urban or rural.
    pub kind: CommuneKind,
    /// Name in French, as HCP writes it.
    pub name_fr: String,
    /// Name in Arabic, as HCP writes it.
    pub name_ar: String,
    /// Its legal population in 2024.
    pub population_2024: u64,
    /// Its legal population in 2014; `None` for a commune created since.
    pub population_2014: Option<u64>,
}

/// Whether a commune is urban (a municipality) or rural.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
pub enum CommuneKind {
    Urban,
    Rural,
}
