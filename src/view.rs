//! What each brief shows, computed once from a checked dataset and used by every format.
//!
//! Every string here is final reader text: typeset, numbers and dates formatted. Templates
//! only lay it out and escape it.

use std::collections::BTreeMap;

use crate::format::{self, typo};
use crate::model::{
    ActorKind, Dataset, Figure, IndicatorKind, Proposal, Quantity, Region, Scope, Source,
    SourceKind, Status, Unit,
};

/// What sort of brief a brief is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefKind {
    Overview,
    Proposal,
    Region,
    Book,
}

impl BriefKind {
    /// The word `jiha list` shows.
    pub fn name(self) -> &'static str {
        match self {
            BriefKind::Overview => "overview",
            BriefKind::Proposal => "proposal",
            BriefKind::Region => "region",
            BriefKind::Book => "book",
        }
    }
}

/// A brief the dataset yields: its id, kind, title and where its files go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefEntry {
    /// Unique among briefs; what `jiha render ID` takes.
    pub id: String,
    pub kind: BriefKind,
    pub title: String,
    /// Path of its files under the output directory, without extension.
    pub stem: String,
}

/// Every brief, in reading order: overview, proposals, regions, book.
pub fn briefs(dataset: &Dataset) -> Vec<BriefEntry> {
    let mut list = vec![BriefEntry {
        id: "overview".to_string(),
        kind: BriefKind::Overview,
        title: format!("Vue d’ensemble — {}", typo(&dataset.meta.title)),
        stem: "overview".to_string(),
    }];
    for p in &dataset.proposals {
        list.push(BriefEntry {
            id: p.id.clone(),
            kind: BriefKind::Proposal,
            title: typo(&p.title),
            stem: format!("proposals/{}", p.id),
        });
    }
    for r in &dataset.territories.regions {
        list.push(BriefEntry {
            id: r.id.clone(),
            kind: BriefKind::Region,
            title: format!("Région {}", r.name_fr),
            stem: format!("regions/{}", r.id),
        });
    }
    list.push(BriefEntry {
        id: "book".to_string(),
        kind: BriefKind::Book,
        title: typo(&dataset.meta.title),
        stem: "book".to_string(),
    });
    list
}

/// How a brief links to another: between files, or to anchors within the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// A file at `depth` directories under the output directory.
    Files { depth: usize },
    /// Everything is in one document.
    Anchors,
}

impl Links {
    fn proposal(self, id: &str) -> String {
        match self {
            Links::Files { depth } => format!("{}proposals/{id}.html", "../".repeat(depth)),
            Links::Anchors => format!("#proposal-{id}"),
        }
    }

    fn region(self, id: &str) -> String {
        match self {
            Links::Files { depth } => format!("{}regions/{id}.html", "../".repeat(depth)),
            Links::Anchors => format!("#region-{id}"),
        }
    }
}

/// Numbers the sources a brief cites, in order of first citation; the book numbers them all
/// once, in the order of `sources.ron`.
#[derive(Debug, Clone)]
struct Citations<'a> {
    sources: &'a [Source],
    numbers: BTreeMap<String, usize>,
    order: Vec<String>,
}

impl<'a> Citations<'a> {
    fn new(sources: &'a [Source]) -> Citations<'a> {
        Citations {
            sources,
            numbers: BTreeMap::new(),
            order: Vec::new(),
        }
    }

    fn all(sources: &'a [Source]) -> Citations<'a> {
        let mut citations = Citations::new(sources);
        for s in sources {
            citations.cite(&s.id);
        }
        citations
    }

    fn cite(&mut self, id: &str) -> usize {
        if let Some(n) = self.numbers.get(id) {
            return *n;
        }
        self.order.push(id.to_string());
        let n = self.order.len();
        self.numbers.insert(id.to_string(), n);
        n
    }

    /// The cited sources, each with its number.
    fn list(&self, ids: &[String]) -> Vec<SourceView> {
        let mut views: Vec<SourceView> = ids
            .iter()
            .filter_map(|id| {
                let source = self.sources.iter().find(|s| &s.id == id)?;
                Some(source_view(
                    source,
                    self.numbers.get(id).copied().unwrap_or(0),
                ))
            })
            .collect();
        views.sort_by_key(|s| s.number);
        views.dedup_by_key(|s| s.number);
        views
    }

    fn cited(&self) -> Vec<String> {
        self.order.clone()
    }
}

/// A source as a numbered reference.
#[derive(Debug, Clone)]
pub struct SourceView {
    pub number: usize,
    /// The full reference: author, title, publisher, date.
    pub citation: String,
    pub url: Option<String>,
    pub note: Option<String>,
}

fn source_view(source: &Source, number: usize) -> SourceView {
    let kind = match source.kind {
        SourceKind::Speech => "discours",
        SourceKind::Statistics => "publication statistique",
        SourceKind::Press => "article de presse",
        SourceKind::Legal => "texte officiel",
        SourceKind::Dataset => "jeu de données",
        SourceKind::Website => "site web",
    };
    let mut parts = Vec::new();
    if let Some(author) = &source.author {
        parts.push(typo(author));
    }
    parts.push(
        format!("« {} »", typo(&source.title))
            .replace("« ", "«\u{a0}")
            .replace(" »", "\u{a0}»"),
    );
    parts.push(kind.to_string());
    if let Some(event) = &source.event {
        parts.push(typo(&event.name));
    }
    if let Some(publisher) = &source.publisher {
        parts.push(typo(publisher));
    }
    parts.push(match &source.date {
        Some(date) => format::date(date),
        None => "date inconnue".to_string(),
    });
    SourceView {
        number,
        citation: parts.join(", "),
        url: source.url.clone(),
        note: source.note.as_deref().map(typo),
    }
}

/// How much weight a figure carries, as the briefs say it.
#[derive(Debug, Clone)]
pub struct StatusView {
    /// Full wording, for a figure's line.
    pub label: &'static str,
    /// One word, for a table cell.
    pub short: &'static str,
    /// CSS class of the badge.
    pub class: &'static str,
}

pub fn status_view(status: Status) -> StatusView {
    match status {
        Status::SpeakerClaim => StatusView {
            label: "Affirmation de l’orateur, non vérifiée",
            short: "Affirmation",
            class: "claim",
        },
        Status::OfficialStatistic => StatusView {
            label: "Statistique officielle",
            short: "Officiel",
            class: "official",
        },
        Status::Reported => StatusView {
            label: "Fait rapporté par une source publique",
            short: "Rapporté",
            class: "reported",
        },
        Status::OwnCalculation => StatusView {
            label: "Calcul jiha à partir de sources officielles",
            short: "Calcul jiha",
            class: "calc",
        },
    }
}

/// Every status, for the legends.
pub fn statuses() -> Vec<StatusView> {
    [
        Status::SpeakerClaim,
        Status::OfficialStatistic,
        Status::Reported,
        Status::OwnCalculation,
    ]
    .into_iter()
    .map(status_view)
    .collect()
}

/// A figure as a brief shows it.
#[derive(Debug, Clone)]
pub struct FigureView {
    pub label: String,
    pub value: String,
    pub period: Option<String>,
    pub scope: String,
    pub status: StatusView,
    pub source: usize,
    pub note: Option<String>,
}

fn figure_view(figure: &Figure, citations: &mut Citations) -> FigureView {
    let value = match &figure.value {
        Quantity::Count(n) => format::integer(*n),
        // As the source gives it: `60 %`, not `60,0 %`.
        Quantity::Percent(v) if v.fract() == 0.0 => format!("{}\u{a0}%", format::decimal(*v, 0)),
        Quantity::Percent(v) => format::percent(*v),
        Quantity::Years(n) => format!("{}\u{a0}ans", format::integer(u64::from(*n))),
        Quantity::Year(y) => y.to_string(),
        Quantity::Date(d) => format::date(d),
        Quantity::Kilometres(v) => format!("{}\u{a0}km", format::decimal(*v, 1)),
    };
    FigureView {
        label: typo(&figure.label),
        value,
        period: figure.period.as_deref().map(format::date),
        scope: typo(&figure.scope),
        status: status_view(figure.status),
        source: figure.source.as_deref().map_or(0, |s| citations.cite(s)),
        note: figure.note.as_deref().map(typo),
    }
}

/// What an indicator is called and how its values are written.
pub fn indicator_label(kind: IndicatorKind) -> &'static str {
    match kind {
        IndicatorKind::Population => "Population légale",
        IndicatorKind::Households => "Ménages",
        IndicatorKind::IlliteracyRate => "Taux d’analphabétisme, 10 ans et plus",
        IndicatorKind::HigherEducation => "Niveau d’enseignement supérieur",
        IndicatorKind::UnemploymentRate => "Taux de chômage",
        IndicatorKind::ActivityRate => "Taux d’activité, 15 ans et plus",
        IndicatorKind::HouseholdsWithElectricity => "Ménages ayant l’électricité",
        IndicatorKind::DistanceToPavedRoad => "Distance moyenne à une route goudronnée",
    }
}

fn indicator_value(kind: IndicatorKind, value: f64) -> String {
    match kind.unit() {
        Unit::Count => format::integer(value.round() as u64),
        Unit::Percent => format::percent(value),
        Unit::Kilometres => format!("{}\u{a0}km", format::decimal(value, 1)),
    }
}

fn indicator_gap(kind: IndicatorKind, region: f64, national: f64) -> String {
    match kind.unit() {
        Unit::Count if national > 0.0 => {
            format!("{} du total", format::percent(region / national * 100.0))
        }
        Unit::Count => String::new(),
        Unit::Percent => format::signed(region - national, 1, "pt"),
        Unit::Kilometres => format::signed(region - national, 1, "km"),
    }
}

/// One row of a region's indicator table.
#[derive(Debug, Clone)]
pub struct IndicatorRow {
    pub label: &'static str,
    pub year: i32,
    pub value: String,
    pub national: String,
    /// Region minus nation, in points or km; for counts, the region's share of the total.
    pub gap: String,
    pub source: usize,
    pub status: StatusView,
}

/// One row of a proposal's indicator table: the national value and the regions concerned.
#[derive(Debug, Clone)]
pub struct IndicatorSpread {
    pub label: &'static str,
    pub year: i32,
    pub national: String,
    /// `Oriental : 30,4 %` for each region named by the proposal.
    pub regions: Vec<String>,
    /// Lowest and highest regions, for a proposal of national scope.
    pub range: String,
    pub source: usize,
    pub status: StatusView,
}

/// A region named in another brief, with a link to its own.
#[derive(Debug, Clone)]
pub struct RegionLink {
    pub id: String,
    pub name: String,
    pub href: String,
}

/// An actor's part in a proposal.
#[derive(Debug, Clone)]
pub struct RoleView {
    pub name: String,
    pub kind: &'static str,
    pub role: String,
}

fn actor_kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Company => "Entreprise",
        ActorKind::Operator => "Opérateurs",
        ActorKind::Research => "Recherche publique",
        ActorKind::Government => "État",
        ActorKind::Academia => "Enseignement supérieur",
        ActorKind::Authority => "Collectivités",
        ActorKind::Business => "Entreprises",
        ActorKind::Media => "Média",
    }
}

/// A proposal brief.
#[derive(Debug, Clone)]
pub struct ProposalView {
    pub id: String,
    /// `P1`, `P2`... as in the overview's tables.
    pub number: String,
    pub title: String,
    pub short_title: String,
    pub scope: String,
    pub regions: Vec<RegionLink>,
    pub summary: String,
    pub key_points: Vec<String>,
    pub context: String,
    pub rationale: String,
    pub actors: Vec<RoleView>,
    pub measures: Vec<String>,
    pub figures: Vec<FigureView>,
    pub indicators: Vec<IndicatorSpread>,
    pub attention: Vec<String>,
    pub questions: Vec<String>,
    pub sources: Vec<SourceView>,
}

/// A region brief.
#[derive(Debug, Clone)]
pub struct RegionView {
    pub id: String,
    pub name_fr: String,
    pub name_ar: String,
    pub hcp_code: String,
    pub capital: String,
    pub population: String,
    /// `+13,3 % (de 3 556 729 en 2014 à 4 030 222 en 2024)`.
    pub population_change: String,
    pub indicators: Vec<IndicatorRow>,
    /// Proposals that name this region.
    pub specific: Vec<ProposalLink>,
    /// Proposals of national scope, or for every region.
    pub national: Vec<ProposalLink>,
    /// Said plainly when the speech proposes nothing for this region.
    pub gap: Option<String>,
    /// Source numbers of the population change (an own calculation).
    pub change_sources: Vec<usize>,
    pub sources: Vec<SourceView>,
}

/// A proposal named in another brief.
#[derive(Debug, Clone)]
pub struct ProposalLink {
    pub id: String,
    pub number: String,
    pub title: String,
    pub short_title: String,
    pub scope: String,
    pub href: String,
}

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
    pub speech: SpeechView,
    pub key_messages: Vec<String>,
    pub proposals: Vec<ProposalLink>,
    pub coverage: Vec<CoverageRow>,
    pub figures: Vec<FigureView>,
    pub statuses: Vec<StatusView>,
    pub sources: Vec<SourceView>,
}

/// A glossary entry.
#[derive(Debug, Clone)]
pub struct TermView {
    pub term: String,
    pub definition: String,
    pub source: Option<usize>,
}

/// A credit line of the colophon.
#[derive(Debug, Clone)]
pub struct CreditView {
    pub work: String,
    pub holder: String,
    pub licence: String,
    pub url: Option<String>,
    pub changes: Option<String>,
}

/// An entry of the book's table of contents.
#[derive(Debug, Clone)]
pub struct TocEntry {
    pub title: String,
    pub href: String,
    pub children: Vec<TocEntry>,
}

/// The complete book.
#[derive(Debug, Clone)]
pub struct BookView {
    pub title: String,
    pub subtitle: String,
    pub edition: String,
    pub publisher: String,
    pub toc: Vec<TocEntry>,
    pub overview: OverviewView,
    pub proposals: Vec<ProposalView>,
    pub regions: Vec<RegionView>,
    pub sources: Vec<SourceView>,
    pub glossary: Vec<TermView>,
    pub credits: Vec<CreditView>,
}

/// One indicator's latest census values: national, and per region.
struct IndicatorValues<'a> {
    national: f64,
    year: i32,
    source: &'a str,
    regional: Vec<(&'a Region, f64)>,
}

/// Builds the views of one dataset.
#[derive(Debug, Clone, Copy)]
pub struct Views<'a> {
    dataset: &'a Dataset,
}

impl<'a> Views<'a> {
    pub fn new(dataset: &'a Dataset) -> Views<'a> {
        Views { dataset }
    }

    pub fn dataset(&self) -> &'a Dataset {
        self.dataset
    }

    fn number(&self, proposal: &Proposal) -> String {
        let position = self
            .dataset
            .proposals
            .iter()
            .position(|p| p.id == proposal.id)
            .unwrap_or(0);
        format!("P{}", position + 1)
    }

    fn region(&self, id: &str) -> Option<&'a Region> {
        self.dataset.territories.regions.iter().find(|r| r.id == id)
    }

    fn scope_label(&self, scope: &Scope) -> String {
        match scope {
            Scope::National => "Nationale".to_string(),
            Scope::EveryRegion => "Chaque région".to_string(),
            Scope::Regions(ids) => ids
                .iter()
                .filter_map(|id| self.region(id))
                .map(|r| r.name_fr.clone())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    fn proposal_link(&self, p: &Proposal, links: Links) -> ProposalLink {
        ProposalLink {
            id: p.id.clone(),
            number: self.number(p),
            title: typo(&p.title),
            short_title: typo(&p.short_title),
            scope: self.scope_label(&p.scope),
            href: links.proposal(&p.id),
        }
    }

    /// The national and regional values of one indicator (latest census year).
    fn values(&self, kind: IndicatorKind) -> Option<IndicatorValues<'a>> {
        let territories = &self.dataset.territories;
        let national = territories
            .country
            .indicators
            .iter()
            .filter(|i| i.kind == kind)
            .max_by_key(|i| i.year)?;
        let regional = territories
            .regions
            .iter()
            .filter_map(|r| {
                let v = r
                    .indicators
                    .iter()
                    .find(|i| i.kind == kind && i.year == national.year)?;
                Some((r, v.value))
            })
            .collect();
        Some(IndicatorValues {
            national: national.value,
            year: national.year,
            source: national.source.as_deref().unwrap_or_default(),
            regional,
        })
    }

    pub fn proposal(&self, p: &Proposal, links: Links) -> ProposalView {
        let mut citations = Citations::new(&self.dataset.sources);
        self.proposal_with(p, links, &mut citations)
    }

    fn proposal_with(&self, p: &Proposal, links: Links, citations: &mut Citations) -> ProposalView {
        let regions: Vec<RegionLink> = match &p.scope {
            Scope::Regions(ids) => ids
                .iter()
                .filter_map(|id| self.region(id))
                .map(|r| RegionLink {
                    id: r.id.clone(),
                    name: r.name_fr.clone(),
                    href: links.region(&r.id),
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut cited: Vec<String> = p.sources.clone();
        for s in &p.sources {
            citations.cite(s);
        }
        let figures: Vec<FigureView> = p
            .figures
            .iter()
            .filter_map(|id| self.dataset.figures.iter().find(|f| &f.id == id))
            .map(|f| {
                if let Some(s) = &f.source {
                    cited.push(s.clone());
                }
                figure_view(f, citations)
            })
            .collect();
        let indicators = p
            .indicators
            .iter()
            .filter_map(|&kind| {
                let IndicatorValues {
                    national,
                    year,
                    source,
                    regional,
                } = self.values(kind)?;
                cited.push(source.to_string());
                let named: Vec<String> = match &p.scope {
                    Scope::Regions(ids) => regional
                        .iter()
                        .filter(|(r, _)| ids.contains(&r.id))
                        .map(|(r, v)| format!("{}\u{a0}: {}", r.name_fr, indicator_value(kind, *v)))
                        .collect(),
                    _ => Vec::new(),
                };
                let low = regional.iter().min_by(|a, b| a.1.total_cmp(&b.1));
                let high = regional.iter().max_by(|a, b| a.1.total_cmp(&b.1));
                let range = match (low, high) {
                    (Some((lr, lv)), Some((hr, hv))) => format!(
                        "de {} ({}) à {} ({})",
                        indicator_value(kind, *lv),
                        lr.name_fr,
                        indicator_value(kind, *hv),
                        hr.name_fr
                    ),
                    _ => String::new(),
                };
                Some(IndicatorSpread {
                    label: indicator_label(kind),
                    year,
                    national: indicator_value(kind, national),
                    regions: named,
                    range,
                    source: citations.cite(source),
                    status: status_view(Status::OfficialStatistic),
                })
            })
            .collect();
        let actors = p
            .actors
            .iter()
            .filter_map(|role| {
                let actor = self.dataset.actors.iter().find(|a| a.id == role.actor)?;
                Some(RoleView {
                    name: typo(&actor.name),
                    kind: actor_kind(actor.kind),
                    role: typo(&role.role),
                })
            })
            .collect();
        let all = |list: &[String]| list.iter().map(|t| typo(t)).collect::<Vec<_>>();
        ProposalView {
            id: p.id.clone(),
            number: self.number(p),
            title: typo(&p.title),
            short_title: typo(&p.short_title),
            scope: self.scope_label(&p.scope),
            regions,
            summary: typo(&p.summary),
            key_points: all(&p.key_points),
            context: typo(&p.context),
            rationale: typo(&p.rationale),
            actors,
            measures: all(&p.measures),
            figures,
            indicators,
            attention: all(&p.attention),
            questions: all(&p.questions),
            sources: citations.list(&cited),
        }
    }

    pub fn region_brief(&self, r: &Region, links: Links) -> RegionView {
        let mut citations = Citations::new(&self.dataset.sources);
        self.region_with(r, links, &mut citations)
    }

    fn region_with(&self, r: &Region, links: Links, citations: &mut Citations) -> RegionView {
        let mut cited = vec![r.capital.decree.clone()];
        citations.cite(&r.capital.decree);
        let mut indicators = Vec::new();
        for kind in IndicatorKind::ALL {
            let Some(IndicatorValues {
                national,
                year,
                regional,
                ..
            }) = self.values(kind)
            else {
                continue;
            };
            let Some(own) = r
                .indicators
                .iter()
                .find(|i| i.kind == kind && i.year == year)
            else {
                continue;
            };
            let value = regional
                .iter()
                .find(|(x, _)| x.id == r.id)
                .map_or(own.value, |(_, v)| *v);
            let source = own.source.clone().unwrap_or_default();
            cited.push(source.clone());
            indicators.push(IndicatorRow {
                label: indicator_label(kind),
                year,
                value: indicator_value(kind, value),
                national: indicator_value(kind, national),
                gap: indicator_gap(kind, value, national),
                source: citations.cite(&source),
                status: status_view(Status::OfficialStatistic),
            });
        }
        let population = |year: i32| {
            r.indicators
                .iter()
                .find(|i| i.kind == IndicatorKind::Population && i.year == year)
        };
        let (now, before) = (population(2024), population(2014));
        let mut change_sources = Vec::new();
        let population_change = match (now, before) {
            (Some(now), Some(before)) => {
                for i in [before, now] {
                    if let Some(s) = &i.source {
                        cited.push(s.clone());
                        change_sources.push(citations.cite(s));
                    }
                }
                let change = (now.value - before.value) / before.value * 100.0;
                format!(
                    "{} entre 2014 et 2024 (de {} à {} habitants)",
                    format::signed(change, 1, "%"),
                    format::integer(before.value as u64),
                    format::integer(now.value as u64)
                )
            }
            _ => String::new(),
        };
        change_sources.sort_unstable();
        let mut specific = Vec::new();
        let mut national = Vec::new();
        for p in &self.dataset.proposals {
            match &p.scope {
                Scope::Regions(ids) if ids.contains(&r.id) => {
                    specific.push(self.proposal_link(p, links))
                }
                Scope::Regions(_) => {}
                Scope::National | Scope::EveryRegion => national.push(self.proposal_link(p, links)),
            }
        }
        let gap = specific.is_empty().then(|| {
            format!(
                "Le discours ne formule aucune proposition propre à la région {} : seules les propositions de portée nationale ou destinées à chaque région la concernent.",
                r.name_fr
            )
        });
        RegionView {
            id: r.id.clone(),
            name_fr: r.name_fr.clone(),
            name_ar: r.name_ar.clone(),
            hcp_code: r.hcp_code.clone(),
            capital: r.capital.name.clone(),
            population: now.map_or_else(String::new, |p| format::integer(p.value as u64)),
            population_change: typo(&population_change),
            indicators,
            specific,
            national,
            gap: gap.map(|g| typo(&g)),
            change_sources,
            sources: citations.list(&cited),
        }
    }

    pub fn overview(&self, links: Links) -> OverviewView {
        let mut citations = Citations::new(&self.dataset.sources);
        self.overview_with(links, &mut citations)
    }

    fn overview_with(&self, links: Links, citations: &mut Citations) -> OverviewView {
        let d = self.dataset;
        let speech_source = d.sources.iter().find(|s| s.id == d.meta.speech);
        let mut cited = vec![d.meta.speech.clone()];
        let speech = SpeechView {
            speaker: speech_source
                .and_then(|s| s.author.as_deref())
                .map(typo)
                .unwrap_or_default(),
            title: speech_source.map(|s| typo(&s.title)).unwrap_or_default(),
            event: speech_source
                .and_then(|s| s.event.as_ref())
                .map(|e| typo(&e.name))
                .unwrap_or_default(),
            theme: speech_source
                .and_then(|s| s.event.as_ref())
                .map(|e| typo(&e.theme))
                .unwrap_or_default(),
            organiser: speech_source
                .and_then(|s| s.event.as_ref())
                .and_then(|e| d.actors.iter().find(|a| a.id == e.organiser))
                .map(|a| typo(&a.name))
                .unwrap_or_default(),
            date: speech_source
                .and_then(|s| s.date.as_deref())
                .map_or_else(|| "inconnue".to_string(), format::date),
            note: speech_source.and_then(|s| s.note.as_deref()).map(typo),
            source: citations.cite(&d.meta.speech),
        };
        let proposals: Vec<ProposalLink> = d
            .proposals
            .iter()
            .map(|p| self.proposal_link(p, links))
            .collect();
        let coverage = d
            .territories
            .regions
            .iter()
            .map(|r| {
                let marks: Vec<&'static str> = d
                    .proposals
                    .iter()
                    .map(|p| match &p.scope {
                        Scope::Regions(ids) if ids.contains(&r.id) => "●",
                        Scope::Regions(_) => "",
                        Scope::National | Scope::EveryRegion => "○",
                    })
                    .collect();
                CoverageRow {
                    region: RegionLink {
                        id: r.id.clone(),
                        name: r.name_fr.clone(),
                        href: links.region(&r.id),
                    },
                    hcp_code: r.hcp_code.clone(),
                    specific: marks.iter().filter(|m| **m == "●").count(),
                    marks,
                }
            })
            .collect();
        let figures = d
            .figures
            .iter()
            .map(|f| {
                if let Some(s) = &f.source {
                    cited.push(s.clone());
                }
                figure_view(f, citations)
            })
            .collect();
        OverviewView {
            title: typo(&d.meta.title),
            subtitle: typo(&d.meta.subtitle),
            summary: typo(&d.meta.summary),
            speech,
            key_messages: d.meta.key_messages.iter().map(|m| typo(m)).collect(),
            proposals,
            coverage,
            figures,
            statuses: statuses(),
            sources: citations.list(&cited),
        }
    }

    pub fn book(&self) -> BookView {
        let d = self.dataset;
        let links = Links::Anchors;
        let mut citations = Citations::all(&d.sources);
        let overview = self.overview_with(links, &mut citations);
        let proposals: Vec<ProposalView> = d
            .proposals
            .iter()
            .map(|p| self.proposal_with(p, links, &mut citations))
            .collect();
        let regions: Vec<RegionView> = d
            .territories
            .regions
            .iter()
            .map(|r| self.region_with(r, links, &mut citations))
            .collect();
        let glossary = d
            .meta
            .glossary
            .iter()
            .map(|t| TermView {
                term: typo(&t.term),
                definition: typo(&t.definition),
                source: t.source.as_deref().map(|s| citations.cite(s)),
            })
            .collect();
        let credits = d
            .meta
            .credits
            .iter()
            .map(|c| CreditView {
                work: typo(&c.work),
                holder: typo(&c.holder),
                licence: c.licence.clone(),
                url: c.url.clone(),
                changes: c.changes.as_deref().map(typo),
            })
            .collect();
        let toc = vec![
            TocEntry {
                title: "Vue d’ensemble".to_string(),
                href: "#overview".to_string(),
                children: Vec::new(),
            },
            TocEntry {
                title: "Les propositions".to_string(),
                href: "#proposals".to_string(),
                children: proposals
                    .iter()
                    .map(|p| TocEntry {
                        title: format!("{}. {}", p.number, p.title),
                        href: links.proposal(&p.id),
                        children: Vec::new(),
                    })
                    .collect(),
            },
            TocEntry {
                title: "Les douze régions".to_string(),
                href: "#regions".to_string(),
                children: regions
                    .iter()
                    .map(|r| TocEntry {
                        title: format!("{} ({})", r.name_fr, r.hcp_code),
                        href: links.region(&r.id),
                        children: Vec::new(),
                    })
                    .collect(),
            },
            TocEntry {
                title: "Sources".to_string(),
                href: "#sources".to_string(),
                children: Vec::new(),
            },
            TocEntry {
                title: "Glossaire".to_string(),
                href: "#glossary".to_string(),
                children: Vec::new(),
            },
            TocEntry {
                title: "Colophon".to_string(),
                href: "#colophon".to_string(),
                children: Vec::new(),
            },
        ];
        let sources = citations.list(&citations.cited());
        BookView {
            title: typo(&d.meta.title),
            subtitle: typo(&d.meta.subtitle),
            edition: format::date(&d.meta.edition),
            publisher: typo(&d.meta.publisher),
            toc,
            overview,
            proposals,
            regions,
            sources,
            glossary,
            credits,
        }
    }
}
