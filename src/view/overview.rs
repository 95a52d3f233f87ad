//! The overview: the voices and their sources, their key messages, every proposal grouped by
//! voice or by theme, the voices side by side, the coverage of the regions, the map of the poles.

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

/// A voice, as the overview introduces it: who, where, in which source, and what they said.
#[derive(Debug, Clone)]
pub struct VoiceView {
    /// How the briefs name them.
    pub speaker: String,
    /// « Orateur » or « Auteur », before `author`.
    pub author_label: String,
    /// Who they are, with their role.
    pub author: String,
    /// « Intervention » and its title (as published), for a speech; the source's kind else.
    pub title_label: String,
    pub title: String,
    /// The event and its organiser, for a speech.
    pub event: Option<String>,
    /// The event's announced theme, as published.
    pub theme: Option<String>,
    pub date: String,
    pub place: Option<String>,
    pub note: Option<String>,
    /// The source's number in the overview.
    pub source: usize,
    /// What the reader should know first about their interest.
    pub disclosure: Option<String>,
    /// « Messages clés de … ».
    pub key_messages_heading: String,
    pub key_messages: Vec<SaidView>,
}

/// The proposals under one heading: a voice, or a theme.
#[derive(Debug, Clone)]
pub struct ProposalGroup {
    pub heading: String,
    pub proposals: Vec<ProposalLink>,
}

/// One theme, with each voice's proposals on it (their numbers).
#[derive(Debug, Clone)]
pub struct ComparisonRow {
    pub theme: String,
    /// One cell per voice, in the order of the voices: `P7, P8`, or empty.
    pub cells: Vec<String>,
}

/// The overview brief.
#[derive(Debug, Clone)]
pub struct OverviewView {
    pub title: String,
    pub subtitle: String,
    pub summary: String,
    /// Each voice, with its disclosure, its source and its key messages.
    pub voices: Vec<VoiceView>,
    /// Our reading of the voices, as a whole and side by side.
    pub synthesis: Vec<String>,
    /// Every proposal, in the order of the briefs.
    pub proposals: Vec<ProposalLink>,
    /// The proposals grouped as the dataset's editor chose: by voice or by theme.
    pub groups: Vec<ProposalGroup>,
    /// Whether the groups' tables name each proposal's voice: when grouped by theme (grouped
    /// by voice, the heading names it).
    pub show_voice: bool,
    /// The voices' names, heading the comparison's columns.
    pub comparison_voices: Vec<String>,
    /// The themes, each with every voice's proposals on it.
    pub comparison: Vec<ComparisonRow>,
    pub coverage: Vec<CoverageRow>,
    /// The coverage legend, with the last proposal number filled in.
    pub coverage_note: String,
    /// The map of the proposed poles, as SVG.
    pub map: Drawing,
    /// The map's content as a table: region, the poles mentioned there.
    pub poles: Vec<(String, String)>,
    pub figures: Vec<FigureView>,
    pub statuses: Vec<StatusView>,
    pub sources: Vec<SourceView>,
}

impl<'a> Views<'a> {
    /// The poles the voices mention, by region: each proposal's short title, in the order of
    /// the briefs. Every proposal naming a region is there.
    pub(super) fn poles(&self) -> BTreeMap<RegionRef, Vec<String>> {
        let mut poles: BTreeMap<RegionRef, Vec<String>> = BTreeMap::new();
        for p in self.dataset.proposals() {
            if let Scope::Regions(regions) = &p.scope {
                for &region in regions {
                    let pole = self.text(&p.short_title);
                    poles.entry(region).or_default().push(pole);
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
                poles: poles.get(&r.key).cloned().unwrap_or_default(),
                highlighted: highlight == Some(r.key),
                capital: self.text(&r.capital.name),
            })
            .collect();
        let id = highlight.map_or("overview", |key| d.region(key).id.as_str());
        let text = MapText {
            id,
            title: &title,
            legend_pole: &l.legend_pole,
            legend_other: &l.legend_other,
            legend_highlight: &l.legend_highlight,
            legend_capital: &l.legend_capital,
            legend_pole_city: &l.legend_pole_city,
            legend_number: &l.legend_number,
            numbered: highlight.is_none(),
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
        let (d, l) = (self.dataset, &self.labels);
        let meta = d.meta();
        let mut cited = citations.brief();
        let voices = d
            .voice_refs()
            .map(|v| self.voice_view(v, &mut cited))
            .collect();
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
            title: self.text(&meta.title),
            subtitle: self.text(&meta.subtitle),
            summary: self.text(&meta.summary),
            voices,
            synthesis: meta.synthesis.iter().map(|m| self.text(m)).collect(),
            groups: self.groups(&proposals),
            show_voice: meta.group_by == GroupBy::Theme,
            comparison_voices: d.voice_refs().map(|v| self.speaker(v)).collect(),
            comparison: self.comparison(),
            coverage_note: fill(
                &l.coverage_note,
                &[
                    (
                        "last",
                        &self.locale.left_to_right(format!("P{}", proposals.len())),
                    ),
                    ("count", &self.locale.quote(&l.count)),
                ],
            ),
            map: self.map(None, l.map_title.clone()),
            poles: {
                let poles = self.poles();
                d.territories()
                    .regions
                    .iter()
                    .filter_map(|r| {
                        let poles = poles.get(&r.key)?;
                        let poles = poles.join(self.locale.semicolon());
                        Some((self.region_name(r).to_string(), poles))
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

    /// A voice as the overview introduces it; its source is cited.
    fn voice_view(&self, v: VoiceRef, cited: &mut Cited) -> VoiceView {
        let (d, l, locale) = (self.dataset, &self.labels, self.locale);
        let voice = d.voice(v);
        let source = d.source(voice.source);
        let speaker = self.speaker(v);
        let (author_label, title_label) = match source.kind {
            SourceKind::Report => (&l.author, &l.report),
            SourceKind::Interview => (&l.speaker, &l.interview),
            SourceKind::Press => (&l.author, &l.talk),
            _ => (&l.speaker, &l.talk),
        };
        VoiceView {
            author_label: author_label.clone(),
            author: self.text(&voice.author),
            title_label: title_label.clone(),
            title: locale.quote(&french(&source.title)),
            event: source.event.as_ref().map(|e| {
                let organiser = self.text(&d.actor(e.organiser).name);
                let name = self.text(&e.name);
                format!("{name}{}{} {organiser}", locale.comma(), l.organised_by)
            }),
            theme: (source.event.as_ref())
                .and_then(|e| e.theme.as_ref())
                .map(|theme| locale.quote(&french(theme))),
            date: source
                .date
                .map_or_else(|| l.unknown.clone(), |date| locale.date(date)),
            place: source.place.as_ref().map(|p| self.text(p)),
            note: source.note.as_ref().map(|n| self.text(n)),
            source: cited.cite(voice.source),
            disclosure: voice.disclosure.as_ref().map(|t| self.text(t)),
            key_messages_heading: fill(&l.key_messages, &[("speaker", &speaker)]),
            key_messages: (voice.key_messages.iter())
                .map(|m| self.said_view(m, voice.source, cited))
                .collect(),
            speaker,
        }
    }

    /// The proposals under each voice, or under each theme, as `dataset.ron` chooses; a
    /// heading with no proposal is left out.
    fn groups(&self, proposals: &[ProposalLink]) -> Vec<ProposalGroup> {
        let d = self.dataset;
        let in_group = |keep: &dyn Fn(&Proposal) -> bool| -> Vec<ProposalLink> {
            (d.proposals().iter().zip(proposals))
                .filter(|(p, _)| keep(p))
                .map(|(_, link)| link.clone())
                .collect()
        };
        let groups: Vec<ProposalGroup> = match d.meta().group_by {
            GroupBy::Voice => d
                .voice_refs()
                .map(|v| ProposalGroup {
                    heading: fill(&self.labels.proposals_of, &[("speaker", &self.speaker(v))]),
                    proposals: in_group(&|p| p.voice == v),
                })
                .collect(),
            GroupBy::Theme => d
                .theme_refs()
                .map(|t| ProposalGroup {
                    heading: self.text(&d.theme(t).name),
                    proposals: in_group(&|p| p.theme == t),
                })
                .collect(),
        };
        groups
            .into_iter()
            .filter(|g| !g.proposals.is_empty())
            .collect()
    }

    /// Each theme some proposal is filed under, with each voice's proposals on it.
    fn comparison(&self) -> Vec<ComparisonRow> {
        let d = self.dataset;
        d.theme_refs()
            .filter_map(|t| {
                let cells: Vec<String> = d
                    .voice_refs()
                    .map(|v| {
                        let numbers: Vec<String> = (d.proposals().iter())
                            .filter(|p| p.theme == t && p.voice == v)
                            .map(|p| self.number(p))
                            .collect();
                        numbers.join(self.locale.comma())
                    })
                    .collect();
                cells.iter().any(|c| !c.is_empty()).then(|| ComparisonRow {
                    theme: self.text(&d.theme(t).name),
                    cells,
                })
            })
            .collect()
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
