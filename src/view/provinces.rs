//! Tables of provinces: a region's (in its brief), the préfectures d'arrondissements of a
//! préfecture (in its brief), and every province (the book's annex).

use super::*;
use jiha_data::checked::{Area, Province};

/// One unit's line in a table of provinces.
#[derive(Debug, Clone)]
pub struct ProvinceLine {
    pub name: String,
    /// Its brief, when it is written with this one.
    pub href: Option<String>,
    /// Province, préfecture..., in the edition's language.
    pub kind: String,
    /// `dans Casablanca`, for a préfecture d'arrondissements listed under its préfecture.
    pub within: Option<String>,
    /// Its region's name (the book's annex).
    pub region: String,
    pub population: String,
    pub unemployment: String,
    /// Unit minus region, in points.
    pub unemployment_gap: String,
    pub higher_education: String,
    pub higher_education_gap: String,
}

/// A table of provinces, with what its header and notes say.
#[derive(Debug, Clone)]
pub struct ProvinceTable {
    pub rows: Vec<ProvinceLine>,
    /// `Population légale 2024`.
    pub population_label: String,
    /// `Taux de chômage (2024)`.
    pub unemployment_label: String,
    pub higher_education_label: String,
    /// The numbers of the sources of its values (the units' and their regions').
    pub sources: Vec<usize>,
    /// What the units are (the préfectures d'arrondissements' note).
    pub note: Option<String>,
    /// Said when préfectures d'arrondissements are listed under their préfecture.
    pub within_note: Option<String>,
    /// The spread of the key indicators, highest to lowest (a region's table).
    pub spread: Vec<String>,
    /// Whether a column says each unit's kind (a region's table, where they differ; the
    /// text format, short of room, leaves it out).
    pub kinds: bool,
}

/// The two indicators every table of provinces shows.
const TABLE_KINDS: [IndicatorKind; 2] = [
    IndicatorKind::UnemploymentRate,
    IndicatorKind::HigherEducation,
];

impl<'a> Views<'a> {
    /// The table of `units`, each beside its own region, in the order given.
    pub(super) fn province_table(
        &self,
        units: &[&Province],
        links: Links<'_>,
        cited: &mut Cited,
    ) -> ProvinceTable {
        let territories = self.dataset.territories();
        let censuses = TABLE_KINDS.map(|kind| territories.latest(kind));
        let mut sources = BTreeSet::new();
        let rows = units
            .iter()
            .map(|p| {
                let [unemployment, higher_education] = censuses.map(|census| {
                    let census = census?;
                    let own = p.value(census.kind, Area::Total, census.year)?;
                    let region = census.region(p.region);
                    sources.extend([cited.cite(own.source), cited.cite(region.source)]);
                    let gap = self.province_gap(census.kind, own.value, region.value);
                    Some((self.indicator_value(census.kind, own.value), gap))
                });
                let population = p.value(IndicatorKind::Population, Area::Total, 2024);
                if let Some(v) = population {
                    sources.insert(cited.cite(v.source));
                }
                let (unemployment, unemployment_gap) = unemployment.unwrap_or_default();
                let (higher_education, higher_education_gap) =
                    higher_education.unwrap_or_default();
                ProvinceLine {
                    name: self.province_name(p).to_string(),
                    href: p.has_brief().then(|| links.province(&p.id)).flatten(),
                    kind: self.province_kind(p.kind).to_string(),
                    within: None,
                    region: self.region_name(self.dataset.region(p.region)).to_string(),
                    population: population.map_or_else(String::new, |v| {
                        self.indicator_value(IndicatorKind::Population, v.value)
                    }),
                    unemployment,
                    unemployment_gap,
                    higher_education,
                    higher_education_gap,
                }
            })
            .collect();
        let label = |kind: IndicatorKind, census: Option<&Census>| match census {
            Some(c) => format!("{} ({})", self.indicator_label(kind), c.year),
            None => self.indicator_label(kind),
        };
        ProvinceTable {
            rows,
            population_label: fill(&self.labels.legal_population, &[("year", "2024")]),
            unemployment_label: label(TABLE_KINDS[0], censuses[0]),
            higher_education_label: label(TABLE_KINDS[1], censuses[1]),
            sources: sources.into_iter().collect(),
            note: None,
            within_note: None,
            spread: Vec::new(),
            kinds: false,
        }
    }

    /// The region's provinces and préfectures, each préfecture followed by the
    /// préfectures d'arrondissements within it (marked, and said not to add up), with the
    /// spread of the key indicators among the units that add up to the region.
    pub(super) fn region_provinces(
        &self,
        r: &Region,
        links: Links<'_>,
        cited: &mut Cited,
    ) -> Option<ProvinceTable> {
        let all = self.dataset.provinces();
        let mut units: Vec<&Province> = Vec::new();
        let mut within = Vec::new();
        for p in all.iter().filter(|p| p.region == r.key && p.has_brief()) {
            units.push(p);
            for inside in all.iter().filter(|u| u.within.as_ref() == Some(&p.hcp_code)) {
                within.push((units.len(), self.province_name(p).to_string()));
                units.push(inside);
            }
        }
        if units.is_empty() {
            return None;
        }
        let mut table = self.province_table(&units, links, cited);
        table.kinds = true;
        for (i, name) in &within {
            table.rows[*i].within = Some(fill(&self.labels.within, &[("name", name)]));
        }
        if !within.is_empty() {
            table.within_note = Some(self.labels.within_note.clone());
        }
        let counted: Vec<&Province> = units.into_iter().filter(|p| p.has_brief()).collect();
        table.spread = TABLE_KINDS
            .iter()
            .filter_map(|&kind| self.spread(kind, &counted))
            .collect();
        Some(table)
    }

    /// `Taux de chômage : de 35,7 % (Driouch) à 21,0 % (Oujda-Angad), soit 14,7 pt d'écart.`;
    /// `None` for fewer than two units with a value.
    fn spread(&self, kind: IndicatorKind, units: &[&Province]) -> Option<String> {
        let census = self.dataset.territories().latest(kind)?;
        let values: Vec<(&Province, f64)> = units
            .iter()
            .filter_map(|p| Some((*p, p.value(kind, Area::Total, census.year)?.value)))
            .collect();
        if values.len() < 2 {
            return None;
        }
        let high = values.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
        let low = values.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
        let range = format!(
            "{}\u{a0}{}",
            self.locale.decimal(high.1 - low.1, 1),
            self.labels.points
        );
        Some(fill(
            &self.labels.spread_line,
            &[
                ("indicator", &self.indicator_label(kind)),
                ("highest", &self.indicator_value(kind, high.1)),
                ("highest_name", self.province_name(high.0)),
                ("lowest", &self.indicator_value(kind, low.1)),
                ("lowest_name", self.province_name(low.0)),
                ("range", &range),
            ],
        ))
    }

    /// Every province and préfecture of the dataset, region by region: the book's annex.
    pub(super) fn provinces_annex(&self, links: Links<'_>, cited: &mut Cited) -> ProvinceTable {
        let units: Vec<&Province> = (self.dataset.provinces().iter())
            .filter(|p| p.has_brief())
            .collect();
        let mut table = self.province_table(&units, links, cited);
        table.note = Some(fill(
            &self.labels.provinces_annex_note,
            &[("year", "2024")],
        ));
        table
    }
}
