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
    /// The head of the units' column: `Provinces et préfectures`.
    pub units_label: String,
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
                let (higher_education, higher_education_gap) = higher_education.unwrap_or_default();
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
            units_label: self.labels.provinces_heading.clone(),
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
            for inside in all
                .iter()
                .filter(|u| u.within.as_ref() == Some(&p.hcp_code))
            {
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
        table.note = Some(fill(&self.labels.provinces_annex_note, &[("year", "2024")]));
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiha_data::check;
    use jiha_data::glyphs::{Coverage, pdf_fonts};

    fn dataset() -> Dataset {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let files = check::read_dir(&root, "data").expect("the repository's data");
        let loaded = check::load("data", files, &Coverage::of(&pdf_fonts()));
        loaded.unwrap_or_else(|r| panic!("{}", r.render())).0
    }

    fn brief(views: &Views, id: &str) -> ProvinceView {
        let written = Written::default();
        let links = Links::Files {
            depth: 1,
            written: &written,
        };
        views.province_brief(views.province(id).expect(id), links)
    }

    fn row<'r>(rows: &'r [ProvinceRow], label: &str, area: Option<&str>) -> &'r ProvinceRow {
        let mut found = rows.iter().filter(|r| r.label == label);
        found
            .find(|r| r.area.as_deref() == area)
            .unwrap_or_else(|| panic!("{label} {area:?}"))
    }

    /// Berkane beside the Oriental: each value, the region's and the gap in each language's
    /// numbers, and the unit's share of the region for a count.
    #[test]
    fn a_province_is_set_beside_its_region_in_each_language() {
        let d = dataset();
        let cases = [
            (
                "fr",
                "28,7\u{a0}%",
                "30,4\u{a0}%",
                "−1,7\u{a0}pt",
                "13,9\u{a0}% de la région",
            ),
            (
                "en",
                "28.7%",
                "30.4%",
                "−1.7\u{a0}pt",
                "13.9% of the region",
            ),
            (
                "ar",
                "\u{2066}28,7\u{a0}%\u{2069}",
                "\u{2066}30,4\u{a0}%\u{2069}",
                "\u{2066}−1,7\u{2069}\u{a0}نقطة",
                "\u{2066}13,9\u{a0}%\u{2069} من مجموع الجهة",
            ),
        ];
        for (lang, value, region, gap, share) in cases {
            let views = Views::new(&d, lang).expect(lang);
            let b = brief(&views, "berkane");
            let l = &views.labels;
            let unemployment = row(&b.indicators, &l.unemployment, None);
            assert_eq!(
                (unemployment.value.as_str(), unemployment.region.as_str()),
                (value, region),
                "{lang}"
            );
            assert_eq!(unemployment.gap, gap, "{lang}");
            let businesses = row(&b.establishments, &l.business_establishments, None);
            assert_eq!(businesses.gap, share, "{lang}");
            let rural = row(&b.areas, &l.unemployment, Some(&l.area_rural));
            assert_eq!(rural.year, 2024);
            assert!(!rural.sources.is_empty());
        }
    }

    /// The communes come the most populous first, whatever their order in the data, and a
    /// commune created since 2014 shows a dash, with the note that says why.
    #[test]
    fn communes_are_sorted_and_a_new_one_is_marked() {
        let d = dataset();
        let views = Views::new(&d, "fr").expect("fr");
        for p in d.provinces().iter().filter(|p| p.has_brief()) {
            let b = brief(&views, &p.id);
            assert_eq!(b.communes.len(), p.communes.len(), "{}", p.id);
            let mut in_order: Vec<u64> = p.communes.iter().map(|c| c.population_2024).collect();
            in_order.sort_by(|a, b| b.cmp(a));
            let shown: Vec<u64> = (b.communes.iter())
                .map(|c| {
                    c.population_2024
                        .replace('\u{202f}', "")
                        .parse()
                        .expect("a count")
                })
                .collect();
            assert_eq!(shown, in_order, "{}", p.id);
            let created = p.communes.iter().any(|c| c.population_2014.is_none());
            assert_eq!(b.created_note.is_some(), created, "{}", p.id);
        }
        let aousserd = brief(&views, "aousserd");
        assert!(
            aousserd
                .communes
                .iter()
                .any(|c| c.population_2014 == NOT_YET)
        );
    }

    /// The region's table lists each of its units once, Casablanca's préfectures
    /// d'arrondissements under it, and the spread runs from the highest to the lowest.
    #[test]
    fn the_region_table_marks_the_arrondissements_and_gives_the_spread() {
        let d = dataset();
        let views = Views::new(&d, "fr").expect("fr");
        let written = Written::default();
        let links = Links::Files {
            depth: 1,
            written: &written,
        };
        let region = views.region("casablanca-settat").expect("the region");
        let mut cited = Citations::default();
        let table = (views.region_provinces(region, links, &mut cited.brief())).expect("a table");
        let within: Vec<&str> = (table.rows.iter())
            .filter(|r| r.within.is_some())
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(within.len(), 8);
        let casablanca = table.rows.iter().position(|r| r.name == "Casablanca");
        let first_within = table.rows.iter().position(|r| r.within.is_some());
        assert_eq!(casablanca.map(|i| i + 1), first_within);
        assert_eq!(table.rows.len(), 9 + 8);
        assert_eq!(
            table.spread[0],
            "Taux de chômage\u{a0}: de 21,7\u{a0}% (Sidi Bennour) à 13,6\u{a0}% (Nouaceur), soit 8,1\u{a0}pt d’écart."
        );
        let oriental = views.region("oriental").expect("the region");
        let table = (views.region_provinces(oriental, links, &mut cited.brief())).expect("a table");
        assert!(table.rows.iter().all(|r| r.within.is_none()));
        assert_eq!(table.within_note, None);
    }
}
