//! The overview: the event and the speaker, the key messages, every proposal, the coverage of the regions, the map of the poles.

use super::*;

/// One row of the overview's coverage matrix.
#[derive(Debug, Clone)]
pub struct CoverageRow {
    pub region: RegionLink,
    pub hcp_code: String,
    /// One mark per proposal: `●` named, `○` national or every region.
    pub marks: Vec<&'static str>,
    pub specific: usize,
}

/// The speech, as the overview introduces it.
#[derive(Debug, Clone)]
pub struct SpeechView {
    pub speaker: String,
    pub title: String,
    pub event: String,
    pub theme: String,
    pub organiser: String,
    pub date: String,
    pub note: Option<String>,
    pub source: usize,
}

/// The overview brief.
#[derive(Debug, Clone)]
pub struct OverviewView {
    pub title: String,
    pub subtitle: String,
    pub summary: String,
    /// The speaker's interest in what he proposes, said first.
    pub disclosure: String,
    pub speech: SpeechView,
    /// What he said: his key messages, with his words.
    pub key_messages: Vec<SaidView>,
    /// Our reading of the speech as a whole.
    pub synthesis: Vec<String>,
    pub proposals: Vec<ProposalLink>,
    pub coverage: Vec<CoverageRow>,
    /// The coverage legend, with the last proposal number filled in.
    pub coverage_note: String,
    /// The map of the proposed poles, as SVG.
    pub map: Drawing,
    /// The map's content as a table: region, pole.
    pub poles: Vec<(String, String)>,
    pub figures: Vec<FigureView>,
    pub statuses: Vec<StatusView>,
    pub sources: Vec<SourceView>,
}

impl<'a> Views<'a> {
    /// The poles the speaker proposes, by region: the proposal's short title.
    pub(super) fn poles(&self) -> BTreeMap<RegionRef, String> {
        let mut poles = BTreeMap::new();
        for p in self.dataset.proposals() {
            if let Scope::Regions(regions) = &p.scope {
                for &region in regions {
                    poles.insert(region, self.locale.text(&p.short_title));
                }
            }
        }
        poles
    }

    /// The map of the twelve regions: poles hatched and labelled, `highlight` dark.
    pub(super) fn map(&self, highlight: Option<RegionRef>, title: String) -> Drawing {
        let d = self.dataset;
        let l = &self.labels;
        let poles = if highlight.is_none() {
            self.poles()
        } else {
            BTreeMap::new()
        };
        let regions: Vec<MapRegion> = d
            .territories()
            .regions
            .iter()
            .map(|r| MapRegion {
                region: r,
                pole: poles.get(&r.key).cloned(),
                highlighted: highlight == Some(r.key),
                capital: self.locale.text(&r.capital.name),
            })
            .collect();
        let text = MapText {
            title: &title,
            legend_pole: &l.legend_pole,
            legend_other: &l.legend_other,
            legend_highlight: &l.legend_highlight,
            legend_capital: &l.legend_capital,
            rtl: self.locale.rtl(),
        };
        Drawing {
            svg: graphics::map(&regions, &text),
            caption: l.map_caption.clone(),
            title,
        }
    }

    pub fn overview(&self, links: Links<'_>) -> OverviewView {
        self.overview_with(links, &mut Citations::default())
    }

    pub(super) fn overview_with(
        &self,
        links: Links<'_>,
        citations: &mut Citations,
    ) -> OverviewView {
        let (d, l, locale) = (self.dataset, &self.labels, self.locale);
        let meta = d.meta();
        let mut cited = citations.brief();
        let speech = self.speech(&mut cited);
        let proposals: Vec<ProposalLink> = d
            .proposals()
            .iter()
            .map(|p| self.proposal_link(p, links))
            .collect();
        let coverage = self.coverage(links);
        let figures = d
            .figures()
            .iter()
            .map(|f| self.figure_view(f, &mut cited))
            .collect();
        OverviewView {
            title: locale.text(&meta.title),
            subtitle: locale.text(&meta.subtitle),
            summary: locale.text(&meta.summary),
            disclosure: locale.text(&meta.disclosure),
            key_messages: meta
                .key_messages
                .iter()
                .map(|m| self.said_view(m, &mut cited))
                .collect(),
            synthesis: meta.synthesis.iter().map(|m| locale.text(m)).collect(),
            speech,
            coverage_note: fill(
                &l.coverage_note,
                &[("last", &format!("P{}", proposals.len()))],
            ),
            map: self.map(None, l.map_title.clone()),
            poles: {
                let poles = self.poles();
                d.territories()
                    .regions
                    .iter()
                    .filter_map(|r| {
                        let pole = poles.get(&r.key)?;
                        Some((self.region_name(r).to_string(), pole.clone()))
                    })
                    .collect()
            },
            proposals,
            coverage,
            figures,
            statuses: self.statuses(),
            sources: self.source_list(cited.list()),
        }
    }

    /// The speech the dataset is built from, as the overview introduces it.
    fn speech(&self, cited: &mut Cited) -> SpeechView {
        let (d, l, locale) = (self.dataset, &self.labels, self.locale);
        let speech = &d.meta().speech;
        let source = d.source(speech.source);
        let event = &speech.event;
        SpeechView {
            speaker: locale.text(&speech.speaker),
            title: locale.quote(&french(&source.title)),
            event: locale.text(&event.name),
            theme: locale.quote(&french(&event.theme)),
            organiser: locale.text(&d.actor(event.organiser).name),
            date: source
                .date
                .map_or_else(|| l.unknown.clone(), |date| locale.date(date)),
            note: source.note.as_ref().map(|n| locale.text(n)),
            source: cited.cite(speech.source),
        }
    }

    /// Which proposals concern each region: `●` named, `○` national or every region.
    fn coverage(&self, links: Links<'_>) -> Vec<CoverageRow> {
        let d = self.dataset;
        d.territories()
            .regions
            .iter()
            .map(|r| {
                let marks: Vec<&'static str> = d
                    .proposals()
                    .iter()
                    .map(|p| match p.scope.concern(r.key) {
                        Some(Concern::Named) => "●",
                        Some(Concern::Nationwide) => "○",
                        None => "",
                    })
                    .collect();
                CoverageRow {
                    region: self.region_link(r, links),
                    hcp_code: r.hcp_code.clone(),
                    specific: marks.iter().filter(|m| **m == "●").count(),
                    marks,
                }
            })
            .collect()
    }
}
