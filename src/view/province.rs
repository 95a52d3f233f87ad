//! A province brief: a province or préfecture beside its region, its urban/rural split, its
//! businesses and its communes.

use super::*;
use jiha_data::checked::{Area, CommuneKind, Province, ProvinceKind};

/// One row of a province brief's tables: the unit's value beside its region's.
#[derive(Debug, Clone)]
pub struct ProvinceRow {
    pub label: String,
    /// The area (urban, rural) of the urban/rural table; `None` over everyone.
    pub area: Option<String>,
    pub year: i32,
    pub value: String,
    pub region: String,
    /// Unit minus region, in points or km; for counts, the unit's share of the region.
    pub gap: String,
    /// The number of the unit's source (the region's is the same publication, or is cited
    /// beside it).
    pub sources: Vec<usize>,
}

/// A commune in its province's brief.
#[derive(Debug, Clone)]
pub struct CommuneRow {
    pub name: String,
    /// Its name in HCP's other spelling, when the edition prints the first.
    pub name_beside: Option<String>,
    /// Urban or rural, in the edition's language.
    pub kind: String,
    pub population_2024: String,
    /// `—` for a commune created since 2014.
    pub population_2014: String,
}

/// A province brief.
#[derive(Debug, Clone)]
pub struct ProvinceView {
    pub id: String,
    pub anchor: String,
    /// The name in the edition's language (HCP's French name in French and English).
    pub name: String,
    /// HCP's Arabic name, beside the title when the edition names places in French.
    pub name_beside: Option<String>,
    /// `Province 113 · Région : Oriental`.
    pub kicker: String,
    /// Province, préfecture, in the edition's language.
    pub kind: String,
    pub name_fr: String,
    pub name_ar: String,
    pub hcp_code: String,
    pub region: RegionLink,
    pub population_label: String,
    /// `Population légale 2014`, the communes' other column.
    pub population_2014_label: String,
    pub population: String,
    /// `−1,8 % entre 2014 et 2024 (de 289 137 à 284 061 habitants)`.
    pub population_change: String,
    pub change_sources: Vec<usize>,
    /// Population, households and rates, beside the region's.
    pub indicators: Vec<ProvinceRow>,
    /// Unemployment and higher education, urban and rural, beside the region's.
    pub areas: Vec<ProvinceRow>,
    /// Businesses by sector and their permanent jobs, with the share of the region's.
    pub establishments: Vec<ProvinceRow>,
    /// Its communes, the most populous first.
    pub communes: Vec<CommuneRow>,
    /// `16 communes, de la plus peuplée en 2024 à la moins peuplée.`
    pub communes_note: String,
    /// Said when a commune did not exist in 2014.
    pub created_note: Option<String>,
    /// The sources of the communes' populations (2024, 2014).
    pub communes_sources: Vec<usize>,
    /// The préfectures d'arrondissements that divide a préfecture (Casablanca's).
    pub arrondissements: Option<ProvinceTable>,
    pub sources: Vec<SourceView>,
}

impl<'a> Views<'a> {
    /// The unit's name in this edition's language.
    pub(super) fn province_name<'p>(&self, p: &'p Province) -> &'p str {
        match self.locale.place_names() {
            PlaceNames::Arabic => &p.name_ar,
            PlaceNames::French => &p.name_fr,
        }
    }

    /// What kind of unit it is, in this edition's language.
    pub(super) fn province_kind(&self, kind: ProvinceKind) -> &str {
        match kind {
            ProvinceKind::Province => &self.labels.kind_province,
            ProvinceKind::Prefecture => &self.labels.kind_prefecture,
            ProvinceKind::PrefectureOfArrondissements => &self.labels.kind_arrondissements,
        }
    }

    /// A province brief's title: `Province : Berkane`.
    pub(super) fn province_title(&self, p: &Province) -> String {
        fill(
            &self.labels.province_title,
            &[
                ("kind", self.province_kind(p.kind)),
                ("name", self.province_name(p)),
            ],
        )
    }

    /// The unit a brief's id names, if it has a brief.
    pub(super) fn province(&self, id: &str) -> Option<&'a Province> {
        let mut provinces = self.dataset.provinces().iter();
        provinces.find(|p| p.has_brief() && p.id == id)
    }

    pub fn province_brief(&self, p: &Province, links: Links<'_>) -> ProvinceView {
        let l = &self.labels;
        let mut cited = Citations::default();
        let mut cited = cited.brief();
        let region = self.dataset.region(p.region);
        let name = self.province_name(p).to_string();
        let kind = self.province_kind(p.kind).to_string();
        let population = p.value(IndicatorKind::Population, Area::Total, 2024);
        let (population_change, change_sources) = self.province_change(p, &mut cited);
        let indicators = self.province_rows(p, &PROVINCE_KEY, Area::Total, &mut cited);
        let mut areas = Vec::new();
        for kind in [
            IndicatorKind::UnemploymentRate,
            IndicatorKind::HigherEducation,
        ] {
            for area in [Area::Urban, Area::Rural] {
                areas.extend(self.province_rows(p, &[kind], area, &mut cited));
            }
        }
        let establishments = self.province_rows(p, &ESTABLISHMENTS, Area::Total, &mut cited);
        let (communes, communes_sources) = self.communes(p, &mut cited);
        let arrondissements = self.arrondissements(p, links, &mut cited);
        ProvinceView {
            id: p.id.clone(),
            anchor: BriefKind::Province.anchor(&p.id),
            name_beside: (name != p.name_ar).then(|| p.name_ar.clone()),
            kicker: kicker(&[
                &format!("{kind} {}", p.hcp_code),
                &self.labelled(&l.region, self.region_name(region)),
            ]),
            name,
            kind,
            name_fr: p.name_fr.clone(),
            name_ar: p.name_ar.clone(),
            hcp_code: p.hcp_code.clone(),
            region: self.region_link(region, links),
            population_label: fill(&l.legal_population, &[("year", "2024")]),
            population_2014_label: fill(&l.legal_population, &[("year", "2014")]),
            population: population.map_or_else(String::new, |v| {
                self.indicator_value(IndicatorKind::Population, v.value)
            }),
            population_change,
            change_sources,
            indicators,
            areas,
            establishments,
            communes_note: fill(&l.communes_order, &[("n", &communes.len().to_string())]),
            created_note: (communes.iter().any(|c| c.population_2014 == NOT_YET))
                .then(|| l.commune_created.clone()),
            communes,
            communes_sources,
            arrondissements,
            sources: self.source_list(cited.list()),
        }
    }

    /// The unit's rows of `kinds` over `area`, latest census, beside its region's; a kind
    /// either lacks is left out. Their sources are cited.
    fn province_rows(
        &self,
        p: &Province,
        kinds: &[IndicatorKind],
        area: Area,
        cited: &mut Cited,
    ) -> Vec<ProvinceRow> {
        let territories = self.dataset.territories();
        let mut rows = Vec::new();
        for &kind in kinds {
            let Some(census) = territories.latest_in(kind, area) else {
                continue;
            };
            let Some(own) = p.value(kind, area, census.year) else {
                continue;
            };
            let region = census.region(p.region);
            let mut sources = vec![cited.cite(own.source), cited.cite(region.source)];
            sources.sort_unstable();
            sources.dedup();
            rows.push(ProvinceRow {
                label: self.indicator_label(kind),
                area: self.area_name(area),
                year: census.year,
                value: self.indicator_value(kind, own.value),
                region: self.indicator_value(kind, region.value),
                gap: self.province_gap(kind, own.value, region.value),
                sources,
            });
        }
        rows
    }

    /// The area's name; `None` over everyone.
    fn area_name(&self, area: Area) -> Option<String> {
        match area {
            Area::Total => None,
            Area::Urban => Some(self.labels.area_urban.clone()),
            Area::Rural => Some(self.labels.area_rural.clone()),
        }
    }

    /// Unit minus region, in points or km; for a count, the unit's share of the region.
    pub(super) fn province_gap(&self, kind: IndicatorKind, own: f64, region: f64) -> String {
        match kind.unit() {
            Unit::Count if region > 0.0 => fill(
                &self.labels.share_of_region,
                &[("value", &self.locale.percent(own / region * 100.0))],
            ),
            Unit::Count => String::new(),
            _ => self.indicator_gap(kind, own, region),
        }
    }

    /// The change in the unit's population from 2014 to 2024, with its sources.
    fn province_change(&self, p: &Province, cited: &mut Cited) -> (String, Vec<usize>) {
        let kind = IndicatorKind::Population;
        let (Some(before), Some(now)) = (
            p.value(kind, Area::Total, 2014),
            p.value(kind, Area::Total, 2024),
        ) else {
            return (String::new(), Vec::new());
        };
        if before.value <= 0.0 {
            return (String::new(), Vec::new());
        }
        let mut sources = vec![cited.cite(before.source), cited.cite(now.source)];
        sources.sort_unstable();
        sources.dedup();
        (
            self.change_text(2014, before.value, 2024, now.value),
            sources,
        )
    }

    /// `+13,3 % entre 2014 et 2024 (de 3 556 729 à 4 030 222 habitants)`.
    pub(super) fn change_text(&self, from: i32, before: f64, to: i32, now: f64) -> String {
        let locale = self.locale;
        let change = (now - before) / before * 100.0;
        fill(
            &self.labels.change_between,
            &[
                ("change", &locale.signed_percent(change)),
                ("from", &from.to_string()),
                ("to", &to.to_string()),
                ("before", &locale.integer(before as u64)),
                ("after", &locale.integer(now as u64)),
            ],
        )
    }

    /// The unit's communes, the most populous in 2024 first (then by code), and the sources
    /// of their populations: the unit's own, the same census publications.
    fn communes(&self, p: &Province, cited: &mut Cited) -> (Vec<CommuneRow>, Vec<usize>) {
        let mut communes: Vec<_> = p.communes.iter().collect();
        communes.sort_by(|a, b| {
            (b.population_2024.cmp(&a.population_2024)).then_with(|| a.hcp_code.cmp(&b.hcp_code))
        });
        let (l, locale) = (&self.labels, self.locale);
        let rows = communes
            .into_iter()
            .map(|c| {
                let name = match locale.place_names() {
                    PlaceNames::Arabic => &c.name_ar,
                    PlaceNames::French => &c.name_fr,
                };
                CommuneRow {
                    name: name.clone(),
                    name_beside: (*name != c.name_ar).then(|| c.name_ar.clone()),
                    kind: match c.kind {
                        CommuneKind::Urban => l.commune_urban.clone(),
                        CommuneKind::Rural => l.commune_rural.clone(),
                    },
                    population_2024: locale.integer(c.population_2024),
                    population_2014: c
                        .population_2014
                        .map_or_else(|| NOT_YET.to_string(), |n| locale.integer(n)),
                }
            })
            .collect();
        let mut sources: Vec<usize> = [2024, 2014]
            .iter()
            .filter_map(|&year| p.value(IndicatorKind::Population, Area::Total, year))
            .map(|v| cited.cite(v.source))
            .collect();
        sources.sort_unstable();
        sources.dedup();
        (rows, sources)
    }

    /// The préfectures d'arrondissements that divide `p`, as a table; `None` for a unit no
    /// other lies within.
    fn arrondissements(
        &self,
        p: &Province,
        links: Links<'_>,
        cited: &mut Cited,
    ) -> Option<ProvinceTable> {
        let within = self.dataset.provinces().iter();
        let within: Vec<&Province> = within
            .filter(|u| u.within.as_deref() == Some(p.hcp_code.as_str()))
            .collect();
        if within.is_empty() {
            return None;
        }
        let mut table = self.province_table(&within, links, cited);
        table.units_label = self.labels.arrondissements.clone();
        table.note = Some(fill(
            &self.labels.arrondissements_note,
            &[("name", self.province_name(p))],
        ));
        Some(table)
    }
}

/// What the communes' table prints for a commune's population in 2014 before it existed.
pub const NOT_YET: &str = "—";

/// The key indicators of a province brief, in its order: counts first, then rates.
const PROVINCE_KEY: [IndicatorKind; 10] = [
    IndicatorKind::Population,
    IndicatorKind::Households,
    IndicatorKind::UnemploymentRate,
    IndicatorKind::ActivityRate,
    IndicatorKind::IlliteracyRate,
    IndicatorKind::HigherEducation,
    IndicatorKind::ReadsWritesFrench,
    IndicatorKind::ReadsWritesEnglish,
    IndicatorKind::HouseholdsWithElectricity,
    IndicatorKind::DistanceToPavedRoad,
];

/// A province brief's businesses: all of them, by sector, then their permanent jobs.
const ESTABLISHMENTS: [IndicatorKind; 6] = [
    IndicatorKind::Businesses,
    IndicatorKind::IndustryEstablishments,
    IndicatorKind::CommerceEstablishments,
    IndicatorKind::ServicesEstablishments,
    IndicatorKind::ConstructionEstablishments,
    IndicatorKind::PermanentJobs,
];
