//! A proposal brief, in three layers kept apart: what its voice said, with their words; the
//! sourced context, with the figures and census indicators; and our analysis.

use super::*;

/// One row of a proposal's indicator table: the national value and the regions concerned.
#[derive(Debug, Clone)]
pub struct IndicatorSpread {
    pub label: String,
    pub year: i32,
    pub national: String,
    /// `Oriental : 30,4 %` for each region named by the proposal.
    pub regions: Vec<String>,
    /// Lowest and highest regions, for a proposal of national scope.
    pub range: String,
    pub source: usize,
    pub status: StatusView,
}

/// A statement of the frame around a proposal, with the numbers of its sources in the brief.
#[derive(Debug, Clone)]
pub struct FrameView {
    pub heading: String,
    pub text: String,
    pub sources: Vec<usize>,
}

/// An actor's part in a proposal.
#[derive(Debug, Clone)]
pub struct RoleView {
    pub name: String,
    pub kind: String,
    pub role: String,
    /// Whose reading the role is: « rôle donné par l'orateur » or « rôle envisagé (notre
    /// lecture) ».
    pub provenance: String,
    /// His words, when he gave the role.
    pub quote: Option<QuoteView>,
}

/// A proposal brief.
#[derive(Debug, Clone)]
pub struct ProposalView {
    pub id: String,
    /// Its anchor in the book.
    pub anchor: String,
    /// `P1`, `P2`... as in the overview's tables.
    pub number: String,
    pub title: String,
    pub short_title: String,
    /// Who made it, as the briefs name them.
    pub speaker: String,
    /// Who made it and for whom they speak: « Chakib Achour, Huawei Technologies Maroc ».
    pub voice_line: String,
    /// The number of their speech, report or interview in the brief's sources.
    pub voice_source: usize,
    /// The first layer's heading, with their name: « Ce que dit Chakib Achour ».
    pub said_heading: String,
    pub scope: String,
    /// The line above the title: `Proposition P1 · Chakib Achour`.
    pub kicker: String,
    /// `Portée : Nationale`.
    pub scope_line: String,
    /// `Portée : Nationale ; aucune région nommée`, for a proposal that names no region.
    pub scope_without_regions: String,
    /// `Régions nommées :`, before the list of the regions it names.
    pub regions_lead: String,
    pub regions: Vec<RegionLink>,
    /// How firmly he put it.
    pub stance: StanceView,
    /// The lede: what he said, in one sentence, with his words.
    pub summary: SaidView,
    /// The first layer: what else he said of it.
    pub said: Vec<SaidView>,
    /// The second layer: sourced context, the figures and the census indicators.
    pub context: String,
    pub figures: Vec<FigureView>,
    pub indicators: Vec<IndicatorSpread>,
    /// Still the second layer: what the law and the national programmes provide.
    pub frame: Vec<FrameView>,
    /// The third layer: our analysis.
    pub relevance: String,
    pub actors: Vec<RoleView>,
    pub attention: Vec<String>,
    pub questions: Vec<String>,
    pub sources: Vec<SourceView>,
}

/// A proposal named in another brief.
#[derive(Debug, Clone)]
pub struct ProposalLink {
    pub id: String,
    pub number: String,
    pub title: String,
    pub short_title: String,
    /// Who made it, as the briefs name them.
    pub speaker: String,
    pub scope: String,
    pub stance: StanceView,
    pub href: Option<String>,
    /// Its anchor in the book.
    pub anchor: String,
}

impl<'a> Views<'a> {
    pub(super) fn actor_kind(&self, kind: ActorKind) -> String {
        let l = &self.labels;
        match kind {
            ActorKind::Company => &l.company,
            ActorKind::Operator => &l.operators,
            ActorKind::Research => &l.research,
            ActorKind::Government => &l.state,
            ActorKind::Academia => &l.academia,
            ActorKind::Authority => &l.authorities,
            ActorKind::Business => &l.businesses,
            ActorKind::Media => &l.media,
        }
        .clone()
    }

    pub(super) fn number(&self, proposal: &Proposal) -> String {
        self.locale.left_to_right(format!("P{}", proposal.number))
    }

    pub(super) fn scope_label(&self, scope: &Scope) -> String {
        match scope {
            Scope::National => self.labels.scope_national.clone(),
            Scope::EveryRegion => self.labels.scope_every_region.clone(),
            Scope::Regions(regions) => {
                let names: Vec<&str> = regions
                    .iter()
                    .map(|&r| self.region_name(self.dataset.region(r)))
                    .collect();
                names.join(self.locale.comma())
            }
        }
    }

    pub(super) fn proposal_link(&self, p: &Proposal, links: Links<'_>) -> ProposalLink {
        ProposalLink {
            id: p.id.clone(),
            number: self.number(p),
            title: self.text(&p.title),
            short_title: self.text(&p.short_title),
            speaker: self.speaker(p.voice),
            scope: self.scope_label(&p.scope),
            stance: self.stance_view(p.stance),
            href: links.proposal(&p.id),
            anchor: BriefKind::Proposal.anchor(&p.id),
        }
    }

    pub fn proposal(&self, p: &Proposal, links: Links<'_>) -> ProposalView {
        self.proposal_with(p, links, &mut Citations::default())
    }

    /// A proposal's sources, then those of the values its texts cite, if it does not list
    /// them.
    fn cite_sources(&self, p: &Proposal, cited: &mut Cited) {
        for &s in &p.sources {
            cited.cite(s);
        }
        let texts = [&p.context, &p.relevance];
        for text in texts.into_iter().chain(&p.attention).chain(&p.questions) {
            for s in self.cited_sources(text) {
                cited.cite(s);
            }
        }
    }

    pub(super) fn proposal_with(
        &self,
        p: &Proposal,
        links: Links<'_>,
        citations: &mut Citations,
    ) -> ProposalView {
        let d = self.dataset;
        let regions: Vec<RegionLink> = match &p.scope {
            Scope::Regions(regions) => regions
                .iter()
                .map(|&r| self.region_link(d.region(r), links))
                .collect(),
            _ => Vec::new(),
        };
        let mut cited = citations.brief();
        self.cite_sources(p, &mut cited);
        let voice = d.voice(p.voice);
        let source = voice.source;
        let voice_source = cited.cite(source);
        let summary = self.said_view(&p.summary, source, &mut cited);
        let said = p
            .said
            .iter()
            .map(|s| self.said_view(s, source, &mut cited))
            .collect();
        let speaker = self.speaker(p.voice);
        let actors = self.roles(p, &mut cited);
        let figures: Vec<FigureView> = p
            .figures
            .iter()
            .map(|&f| self.figure_view(d.figure(f), &mut cited))
            .collect();
        let indicators = p
            .indicators
            .iter()
            .filter_map(|&kind| self.indicator_spread(p, kind, &mut cited))
            .collect();
        let all = |list: &[Text]| list.iter().map(|t| self.text(t)).collect();
        let l = &self.labels;
        let (number, short_title) = (self.number(p), self.text(&p.short_title));
        let scope = self.scope_label(&p.scope);
        let scope_labelled = self.labelled(&l.scope, &scope);
        ProposalView {
            id: p.id.clone(),
            anchor: BriefKind::Proposal.anchor(&p.id),
            kicker: kicker(&[&format!("{} {number}", l.proposal), &speaker]),
            said_heading: self.said_heading(p.voice),
            voice_line: format!(
                "{speaker}{}{}",
                self.locale.comma(),
                self.text(&d.actor(voice.organisation).name)
            ),
            voice_source,
            speaker,
            scope_without_regions: format!(
                "{scope_labelled}{} {}",
                self.page_semicolon(),
                l.no_region_named
            ),
            regions_lead: format!("{}{}", l.named_regions, self.page_colon()),
            scope_line: scope_labelled,
            number,
            title: self.text(&p.title),
            short_title,
            scope,
            regions,
            stance: self.stance_view(p.stance),
            summary,
            said,
            context: self.text(&p.context),
            figures,
            indicators,
            frame: self.frame(p, &mut cited),
            relevance: self.text(&p.relevance),
            actors,
            attention: all(&p.attention),
            questions: all(&p.questions),
            sources: self.source_list(cited.list()),
        }
    }

    /// The frame items a proposal names, each with its sources cited in the brief.
    fn frame(&self, p: &Proposal, cited: &mut Cited) -> Vec<FrameView> {
        p.frame
            .iter()
            .map(|&r| {
                let item = self.dataset.frame_item(r);
                FrameView {
                    heading: self.text(&item.heading),
                    text: self.text(&item.text),
                    sources: item.sources.iter().map(|&s| cited.cite(s)).collect(),
                }
            })
            .collect()
    }

    /// The actors a proposal names, with their part in it, and whose reading that part is;
    /// the speech is cited for a role he gave.
    fn roles(&self, p: &Proposal, cited: &mut Cited) -> Vec<RoleView> {
        let l = &self.labels;
        p.actors
            .iter()
            .map(|role| {
                let actor = self.dataset.actor(role.actor);
                let quote = role.quote.as_ref().map(|q| {
                    let source = self.dataset.voice(p.voice).source;
                    self.quote_view(q, cited.cite(source))
                });
                RoleView {
                    name: self.text(&actor.name),
                    kind: self.actor_kind(actor.kind),
                    role: self.text(&role.role),
                    provenance: if quote.is_some() {
                        self.role_given(p.voice)
                    } else {
                        l.role_envisaged.clone()
                    },
                    quote,
                }
            })
            .collect()
    }

    /// One indicator of a proposal: the national value, the regions it names, and the
    /// lowest and highest regions. Its source is cited in the brief.
    fn indicator_spread(
        &self,
        p: &Proposal,
        kind: IndicatorKind,
        cited: &mut Cited,
    ) -> Option<IndicatorSpread> {
        let values = self.values(kind)?;
        let IndicatorValues {
            national,
            year,
            source,
            ref regional,
        } = values;
        let named: Vec<String> = match &p.scope {
            Scope::Regions(regions) => regional
                .iter()
                .filter(|(r, _)| regions.contains(&r.key))
                .map(|(r, v)| self.labelled(self.region_name(r), &self.indicator_value(kind, *v)))
                .collect(),
            _ => Vec::new(),
        };
        let extremes = values.extremes();
        let at = |(r, v): &(&Region, f64)| {
            format!(
                "{} ({})",
                self.indicator_value(kind, *v),
                self.region_name(r)
            )
        };
        let range = match extremes {
            Some([low, high]) => fill(
                &self.labels.range,
                &[("low", &at(&low)), ("high", &at(&high))],
            ),
            None => String::new(),
        };
        Some(IndicatorSpread {
            label: self.indicator_label(kind),
            year,
            national: self.indicator_value(kind, national),
            regions: named,
            range,
            source: cited.cite(source),
            status: self.status_view(Status::OfficialStatistic),
        })
    }
}
