//! A region brief: its identity, census indicators beside the nation's, the proposals that name it, its map and chart.

use super::*;

/// One row of a region's indicator table.
#[derive(Debug, Clone)]
pub struct IndicatorRow {
    pub label: String,
    pub year: i32,
    pub value: String,
    pub national: String,
    /// Region minus nation, in points or km; for counts, the region's share of the total.
    pub gap: String,
    pub source: usize,
    pub status: StatusView,
}

/// A region named in another brief, with a link to its own.
#[derive(Debug, Clone)]
pub struct RegionLink {
    pub id: String,
    pub name: String,
    pub href: Option<String>,
    /// Its anchor in the book.
    pub anchor: String,
}

/// A region brief.
#[derive(Debug, Clone)]
pub struct RegionView {
    pub id: String,
    /// Its anchor in the book.
    pub anchor: String,
    /// The name in the edition's language (HCP's French name in French and English).
    pub name: String,
    /// HCP's Arabic name, printed beside the title when the edition names places otherwise.
    pub name_beside: Option<String>,
    /// The line above the title: `Région 08 · Chef-lieu : Oujda`.
    pub kicker: String,
    pub name_fr: String,
    pub name_ar: String,
    pub hcp_code: String,
    pub capital: String,
    /// `Population légale 2024`.
    pub population_label: String,
    pub population: String,
    /// `+13,3 % entre 2014 et 2024 (de 3 556 729 à 4 030 222 habitants)`.
    pub population_change: String,
    pub indicators: Vec<IndicatorRow>,
    /// Its provinces and préfectures, with the gap to the region and the spread inside it;
    /// `None` for a dataset without provinces.
    pub provinces: Option<ProvinceTable>,
    /// Proposals that name this region.
    pub specific: Vec<ProposalLink>,
    /// Proposals of national scope, or for every region.
    pub national: Vec<ProposalLink>,
    /// Said plainly when the speech proposes nothing for this region.
    pub gap: Option<String>,
    /// Source numbers of the population change (an own calculation).
    pub change_sources: Vec<usize>,
    /// The map with this region highlighted, as SVG.
    pub map: Drawing,
    /// The region's percentages against the nation's, as SVG.
    pub chart: Drawing,
    /// Its provinces and préfectures grey by one indicator, with their numbered key; none
    /// when the dataset has no provinces for it.
    pub province_map: Option<super::region_map::ProvinceMapView>,
    pub sources: Vec<SourceView>,
}

/// A drawing: SVG, with its title and caption for the figure around it.
#[derive(Debug, Clone)]
pub struct Drawing {
    pub svg: String,
    pub title: String,
    pub caption: String,
}

impl<'a> Views<'a> {
    /// What an indicator is called.
    pub fn indicator_label(&self, kind: IndicatorKind) -> String {
        let l = &self.labels;
        match kind {
            IndicatorKind::Population => &l.population,
            IndicatorKind::Households => &l.households,
            IndicatorKind::IlliteracyRate => &l.illiteracy,
            IndicatorKind::HigherEducation => &l.higher_education,
            IndicatorKind::UnemploymentRate => &l.unemployment,
            IndicatorKind::ActivityRate => &l.activity,
            IndicatorKind::HouseholdsWithElectricity => &l.electricity,
            IndicatorKind::DistanceToPavedRoad => &l.paved_road,
            IndicatorKind::ReadsWritesFrench => &l.reads_writes_french,
            IndicatorKind::ReadsWritesEnglish => &l.reads_writes_english,
            IndicatorKind::Businesses => &l.business_establishments,
            IndicatorKind::IndustryEstablishments => &l.industry_establishments,
            IndicatorKind::CommerceEstablishments => &l.commerce_establishments,
            IndicatorKind::ServicesEstablishments => &l.services_establishments,
            IndicatorKind::ConstructionEstablishments => &l.construction_establishments,
            IndicatorKind::PermanentJobs => &l.permanent_jobs,
        }
        .clone()
    }

    pub(super) fn indicator_value(&self, kind: IndicatorKind, value: f64) -> String {
        let locale = self.locale;
        match kind.unit() {
            Unit::Count => locale.integer(value.round() as u64),
            Unit::Percent => locale.percent(value),
            Unit::Kilometres => format!("{}\u{a0}{}", locale.decimal(value, 1), self.labels.km),
        }
    }

    pub(super) fn indicator_gap(&self, kind: IndicatorKind, region: f64, national: f64) -> String {
        let (l, locale) = (&self.labels, self.locale);
        match kind.unit() {
            Unit::Count if national > 0.0 => fill(
                &l.share_of_total,
                &[("value", &locale.percent(region / national * 100.0))],
            ),
            Unit::Count => String::new(),
            Unit::Percent => locale.signed(region - national, 1, &l.points),
            Unit::Kilometres => locale.signed(region - national, 1, &l.km),
        }
    }

    /// The national and regional values of one indicator (latest census year).
    /// `None` if the dataset does not carry the indicator.
    pub(super) fn values(&self, kind: IndicatorKind) -> Option<IndicatorValues<'a>> {
        Some(self.census_values(self.dataset.territories().latest(kind)?))
    }

    /// The national and regional values of one census.
    pub(super) fn census_values(&self, census: &Census) -> IndicatorValues<'a> {
        let regional = (self.dataset.territories().regions.iter())
            .map(|r| (r, census.region(r.key).value))
            .collect();
        IndicatorValues {
            national: census.national.value,
            year: census.year,
            source: census.national.source,
            regional,
        }
    }

    pub fn region_brief(&self, r: &Region, links: Links<'_>) -> RegionView {
        self.region_with(r, links, &mut Citations::default())
    }

    pub(super) fn region_with(
        &self,
        r: &Region,
        links: Links<'_>,
        citations: &mut Citations,
    ) -> RegionView {
        let (l, locale) = (&self.labels, self.locale);
        let mut cited = citations.brief();
        cited.cite(r.capital.decree);
        let indicators = self.indicator_rows(r, &mut cited);
        let provinces = self.region_provinces(r, links, &mut cited);
        let latest = self.population(r).last().copied();
        let (population_change, change_sources) = self.population_change(r, &mut cited);
        let province_map = self.province_map(r, &mut cited);
        let mut specific = Vec::new();
        let mut national = Vec::new();
        for p in self.dataset.proposals() {
            match p.scope.concern(r.key) {
                Some(Concern::Named) => specific.push(self.proposal_link(p, links)),
                Some(Concern::Nationwide) => national.push(self.proposal_link(p, links)),
                None => {}
            }
        }
        let name = self.region_name(r).to_string();
        let gap = specific
            .is_empty()
            .then(|| fill(&l.no_specific_proposal, &[("region", &name)]));
        RegionView {
            id: r.id.clone(),
            anchor: BriefKind::Region.anchor(&r.id),
            map: self.map(Some(r.key), fill(&l.region_map_title, &[("region", &name)])),
            chart: self.chart(r, &name),
            province_map,
            name_beside: (name != r.name_ar).then(|| r.name_ar.clone()),
            kicker: kicker(&[
                &format!("{} {}", l.region, r.hcp_code),
                &self.labelled(&l.capital, &self.text(&r.capital.name)),
            ]),
            name,
            name_fr: r.name_fr.clone(),
            name_ar: r.name_ar.clone(),
            hcp_code: r.hcp_code.clone(),
            capital: self.text(&r.capital.name),
            population_label: fill(
                &l.legal_population,
                &[(
                    "year",
                    &latest.map_or(String::new(), |(year, _)| year.to_string()),
                )],
            ),
            population: latest.map_or_else(String::new, |(_, p)| locale.integer(p.value as u64)),
            population_change,
            indicators,
            provinces,
            specific,
            national,
            gap,
            change_sources,
            sources: self.source_list(cited.list()),
        }
    }

    /// The region's row of each indicator, latest census, beside the nation's. Their
    /// sources are cited in the brief.
    fn indicator_rows(&self, r: &Region, cited: &mut Cited) -> Vec<IndicatorRow> {
        let mut rows = Vec::new();
        for kind in IndicatorKind::ALL {
            let Some(census) = self.dataset.territories().latest(kind) else {
                continue;
            };
            let own = census.region(r.key);
            let (value, national) = (own.value, census.national.value);
            rows.push(IndicatorRow {
                label: self.indicator_label(kind),
                year: census.year,
                value: self.indicator_value(kind, value),
                national: self.indicator_value(kind, national),
                gap: self.indicator_gap(kind, value, national),
                source: cited.cite(own.source),
                status: self.status_view(Status::OfficialStatistic),
            });
        }
        rows
    }

    /// The change in population between the first and the latest census, with the numbers
    /// of their sources, which are cited in the brief.
    fn population_change(&self, r: &Region, cited: &mut Cited) -> (String, Vec<usize>) {
        let censuses = self.population(r);
        let (Some(&(from, before)), Some(&(to, now))) = (censuses.first(), censuses.last()) else {
            return (String::new(), Vec::new());
        };
        if from >= to || before.value <= 0.0 {
            return (String::new(), Vec::new());
        }
        let mut sources: Vec<usize> = [before, now].iter().map(|v| cited.cite(v.source)).collect();
        sources.sort_unstable();
        let locale = self.locale;
        let change = (now.value - before.value) / before.value * 100.0;
        let text = fill(
            &self.labels.change_between,
            &[
                ("change", &locale.signed_percent(change)),
                ("from", &from.to_string()),
                ("to", &to.to_string()),
                ("before", &locale.integer(before.value as u64)),
                ("after", &locale.integer(now.value as u64)),
            ],
        );
        (text, sources)
    }

    /// The region's percentages against the nation's, latest census.
    fn chart(&self, r: &Region, name: &str) -> Drawing {
        let l = &self.labels;
        let mut census_year = 0;
        let bars: Vec<Bar> = IndicatorKind::ALL
            .iter()
            .filter(|k| k.unit() == Unit::Percent)
            .filter_map(|&kind| {
                let census = self.dataset.territories().latest(kind)?;
                let (own, national) = (census.region(r.key).value, census.national.value);
                census_year = census.year;
                Some(Bar {
                    label: self.indicator_label(kind),
                    value: own,
                    value_text: self.indicator_value(kind, own),
                    national,
                    national_text: self.indicator_value(kind, national),
                })
            })
            .collect();
        let title = fill(&l.chart_title, &[("region", name)]);
        Drawing {
            svg: graphics::indicator_chart(
                &bars,
                &ChartText {
                    title: &title,
                    legend_region: &l.legend_region,
                    legend_national: &l.legend_national,
                    rtl: self.locale.rtl(),
                },
            ),
            caption: fill(&l.chart_caption, &[("year", &census_year.to_string())]),
            title,
        }
    }

    /// The region's population at each census, oldest first: year and value.
    fn population(&self, r: &Region) -> Vec<(i32, &'a Value)> {
        let territories = self.dataset.territories();
        territories
            .series(IndicatorKind::Population)
            .into_iter()
            .map(|c| (c.year, c.region(r.key)))
            .collect()
    }
}
