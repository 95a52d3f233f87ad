//! What each brief shows, computed once from a checked dataset, in one language, and used by
//! every format.
//!
//! Every string here is final reader text: in the edition's language, typeset, numbers and
//! dates formatted. Templates only lay it out and escape it.

use std::collections::BTreeMap;

use crate::format::{Locale, fill, french};
use crate::graphics::{self, Bar, ChartText, MapRegion, MapText};
use jiha_data::model::{
    ActorKind, Dataset, Figure, IndicatorKind, Labels, Proposal, Quantity, Region, Scope, Source,
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
    /// In the language of the views that listed it.
    pub title: String,
    /// Path of its files under the edition's directory, without extension.
    pub stem: String,
}

/// How a brief links to another: between files, or to anchors within the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// A file at `depth` directories under the edition's directory.
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
#[derive(Debug, Clone, Default)]
struct Citations {
    numbers: BTreeMap<String, usize>,
    order: Vec<String>,
}

impl Citations {
    fn all(sources: &[Source]) -> Citations {
        let mut citations = Citations::default();
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

/// How much weight a figure carries, as the briefs say it.
#[derive(Debug, Clone)]
pub struct StatusView {
    /// Full wording, for a figure's line.
    pub label: String,
    /// One word, for a table cell.
    pub short: String,
    /// CSS class of the badge (and Typst style).
    pub class: &'static str,
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
    pub kind: String,
    pub role: String,
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
    /// The name in the edition's language (HCP's French name in French and English).
    pub name: String,
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
    pub sources: Vec<SourceView>,
}

/// A drawing: SVG, with its title and caption for the figure around it.
#[derive(Debug, Clone)]
pub struct Drawing {
    pub svg: String,
    pub title: String,
    pub caption: String,
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
    pub proposals_note: String,
    pub proposals: Vec<ProposalView>,
    pub regions: Vec<RegionView>,
    pub sources: Vec<SourceView>,
    pub glossary: Vec<TermView>,
    pub credits: Vec<CreditView>,
    /// The colophon's last line, with the edition date.
    pub produced: String,
}

/// A brief's content, built once from the dataset, for every format to lay out.
#[derive(Debug, Clone)]
pub enum Brief {
    Overview(OverviewView),
    Proposal(ProposalView),
    Region(RegionView),
    /// Boxed: the book holds every other view.
    Book(Box<BookView>),
}

/// What every page of an edition needs besides its brief: language, direction, labels.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// BCP 47 tag, for `<html lang>` and Typst's `text(lang)`.
    pub lang: &'a str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// The brief's title, for `<title>` and the PDF metadata.
    pub title: &'a str,
    /// The edition's labels, typeset.
    pub l: &'a Labels,
    /// Whether the edition is the original or a translation, said in its language.
    pub edition_note: String,
    /// Punctuation as the language sets it: `\u{a0}:` in French, `:` elsewhere...
    pub colon: &'static str,
    /// ... `\u{202f};` in French, `؛` in Arabic, `;` in English...
    pub semicolon: &'static str,
    /// ... and `، ` in Arabic, `, ` elsewhere.
    pub comma: &'static str,
}

/// One indicator's latest census values: national, and per region.
struct IndicatorValues<'a> {
    national: f64,
    year: i32,
    source: &'a str,
    regional: Vec<(&'a Region, f64)>,
}

/// Builds the views of one dataset in one language.
#[derive(Debug, Clone)]
pub struct Views<'a> {
    dataset: &'a Dataset,
    locale: Locale<'a>,
    /// The language's catalogue, typeset.
    labels: Labels,
    /// Each proposal's position, by id: its number `P1`, `P2`...
    positions: std::collections::HashMap<&'a str, usize>,
}

impl<'a> Views<'a> {
    /// The views in `lang`; `None` if the dataset has no catalogue for it.
    pub fn new(dataset: &'a Dataset, lang: &'a str) -> Option<Views<'a>> {
        let catalogue = dataset.labels.get(lang)?;
        let locale = Locale::new(lang, catalogue);
        Some(Views {
            dataset,
            locale,
            labels: catalogue.map_texts(|t| locale.typo(t)),
            positions: dataset
                .proposals
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i))
                .collect(),
        })
    }

    pub fn dataset(&self) -> &'a Dataset {
        self.dataset
    }

    /// The page settings of `title` in this edition.
    pub fn page<'b>(&'b self, title: &'b str) -> Page<'b> {
        let d = self.dataset;
        let original = &d.meta.original;
        let language = self
            .labels
            .language_names
            .get(original)
            .cloned()
            .unwrap_or_else(|| original.clone());
        let note = if self.locale.lang == original {
            &self.labels.original_note
        } else {
            &self.labels.translation_note
        };
        Page {
            lang: self.locale.lang,
            dir: if self.locale.rtl() { "rtl" } else { "ltr" },
            title,
            l: &self.labels,
            edition_note: fill(note, &[("language", &language)]),
            colon: match self.locale.lang {
                "fr" => "\u{a0}:",
                _ => ":",
            },
            semicolon: match self.locale.lang {
                "fr" => "\u{202f};",
                "ar" => "؛",
                _ => ";",
            },
            comma: if self.locale.rtl() { "، " } else { ", " },
        }
    }

    /// The dataset's title in this edition's language, as a PDF keyword.
    pub fn keyword_title(&self) -> String {
        self.locale.text(&self.dataset.meta.title)
    }

    /// The region's name in this edition's language.
    fn region_name(&self, r: &'a Region) -> &'a str {
        if self.locale.lang == "ar" {
            &r.name_ar
        } else {
            &r.name_fr
        }
    }

    /// Every brief, in reading order: overview, proposals, regions, book; titles in this
    /// edition's language.
    pub fn briefs(&self) -> Vec<BriefEntry> {
        let (d, l, locale) = (self.dataset, &self.labels, self.locale);
        let title = locale.text(&d.meta.title);
        let mut list = vec![BriefEntry {
            id: "overview".to_string(),
            kind: BriefKind::Overview,
            title: fill(&l.overview_title, &[("title", &title)]),
            stem: "overview".to_string(),
        }];
        for p in &d.proposals {
            list.push(BriefEntry {
                id: p.id.clone(),
                kind: BriefKind::Proposal,
                title: locale.text(&p.title),
                stem: format!("proposals/{}", p.id),
            });
        }
        for r in &d.territories.regions {
            list.push(BriefEntry {
                id: r.id.clone(),
                kind: BriefKind::Region,
                title: fill(&l.region_title, &[("name", self.region_name(r))]),
                stem: format!("regions/{}", r.id),
            });
        }
        list.push(BriefEntry {
            id: "book".to_string(),
            kind: BriefKind::Book,
            title,
            stem: "book".to_string(),
        });
        list
    }

    /// The poles the speaker proposes, by region id: the proposal's short title.
    fn poles(&self) -> BTreeMap<&'a str, String> {
        let mut poles = BTreeMap::new();
        for p in &self.dataset.proposals {
            if let Scope::Regions(ids) = &p.scope {
                for id in ids {
                    poles.insert(id.as_str(), self.locale.text(&p.short_title));
                }
            }
        }
        poles
    }

    /// The map of the twelve regions: poles hatched and labelled, `highlight` dark.
    fn map(&self, highlight: Option<&str>, title: String) -> Drawing {
        let d = self.dataset;
        let l = &self.labels;
        let poles = if highlight.is_none() {
            self.poles()
        } else {
            BTreeMap::new()
        };
        let regions: Vec<MapRegion> = d
            .territories
            .regions
            .iter()
            .filter_map(|r| {
                let outline = d.outlines.regions.iter().find(|o| o.region == r.id)?;
                Some(MapRegion {
                    region: r,
                    outline,
                    pole: poles.get(r.id.as_str()).cloned(),
                    highlighted: highlight == Some(r.id.as_str()),
                    capital: self.locale.text(&r.capital.name),
                })
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

    /// The content of the brief `entry` names; `None` if this dataset has no such brief.
    pub fn brief(&self, entry: &BriefEntry) -> Option<Brief> {
        let d = self.dataset;
        let links = match entry.kind {
            BriefKind::Book => Links::Anchors,
            _ => Links::Files {
                depth: entry.stem.matches('/').count(),
            },
        };
        Some(match entry.kind {
            BriefKind::Overview => Brief::Overview(self.overview(links)),
            BriefKind::Proposal => {
                let p = d.proposals.iter().find(|p| p.id == entry.id)?;
                Brief::Proposal(self.proposal(p, links))
            }
            BriefKind::Region => Brief::Region(self.region_brief(self.region(&entry.id)?, links)),
            BriefKind::Book => Brief::Book(Box::new(self.book())),
        })
    }

    /// `Oriental : 30,4 %` in French, `Oriental: 30.4%` in English.
    fn labelled(&self, label: &str, value: &str) -> String {
        let colon = if self.locale.lang == "fr" {
            "\u{a0}:"
        } else {
            ":"
        };
        format!("{label}{colon} {value}")
    }

    fn source_view(&self, source: &Source, number: usize) -> SourceView {
        let (l, locale) = (&self.labels, self.locale);
        let kind = match source.kind {
            SourceKind::Speech => &l.speech,
            SourceKind::Statistics => &l.statistics,
            SourceKind::Press => &l.press,
            SourceKind::Legal => &l.legal,
            SourceKind::Dataset => &l.dataset,
            SourceKind::Website => &l.website,
        };
        let mut parts = Vec::new();
        if let Some(author) = &source.author {
            parts.push(locale.text(author));
        }
        // A title stays in the language it was published in, quoted; in a right-to-left
        // edition it is isolated (FSI ... PDI) so that its punctuation stays with it.
        let isolate = |text: String| {
            if locale.rtl() {
                format!("\u{2068}{text}\u{2069}")
            } else {
                text
            }
        };
        parts.push(isolate(format!("«\u{a0}{}\u{a0}»", french(&source.title))));
        parts.push(kind.clone());
        if let Some(event) = &source.event {
            parts.push(locale.text(&event.name));
        }
        if let Some(publisher) = &source.publisher {
            parts.push(isolate(publisher.clone()));
        }
        parts.push(match &source.date {
            Some(date) => locale.date(date),
            None => l.unknown_date.clone(),
        });
        let separator = if locale.rtl() { "، " } else { ", " };
        SourceView {
            number,
            citation: parts.join(separator),
            url: source.url.clone(),
            note: source.note.as_ref().map(|n| locale.text(n)),
        }
    }

    /// The sources `ids` names, each with its number, in number order.
    fn source_list(&self, ids: &[String], citations: &Citations) -> Vec<SourceView> {
        let mut views: Vec<SourceView> = ids
            .iter()
            .filter_map(|id| {
                let source = self.dataset.sources.iter().find(|s| &s.id == id)?;
                Some(self.source_view(source, citations.numbers.get(id).copied().unwrap_or(0)))
            })
            .collect();
        views.sort_by_key(|s| s.number);
        views.dedup_by_key(|s| s.number);
        views
    }

    pub fn status_view(&self, status: Status) -> StatusView {
        let l = &self.labels;
        let (label, short, class) = match status {
            Status::SpeakerClaim => (&l.claim, &l.claim_short, "claim"),
            Status::OfficialStatistic => (&l.official, &l.official_short, "official"),
            Status::Reported => (&l.reported_fact, &l.reported_short, "reported"),
            Status::OwnCalculation => (&l.calculation, &l.calculation_short, "calc"),
        };
        StatusView {
            label: label.clone(),
            short: short.clone(),
            class,
        }
    }

    /// Every status, for the legends.
    pub fn statuses(&self) -> Vec<StatusView> {
        [
            Status::SpeakerClaim,
            Status::OfficialStatistic,
            Status::Reported,
            Status::OwnCalculation,
        ]
        .into_iter()
        .map(|s| self.status_view(s))
        .collect()
    }

    fn figure_view(&self, figure: &Figure, citations: &mut Citations) -> FigureView {
        let (l, locale) = (&self.labels, self.locale);
        let value = match &figure.value {
            Quantity::Count(n) => locale.integer(*n),
            Quantity::Percent(v) => locale.percent_as_given(*v),
            Quantity::Years(n) => format!("{}\u{a0}{}", locale.integer(u64::from(*n)), l.years),
            Quantity::Year(y) => y.to_string(),
            Quantity::Date(d) => locale.date(d),
            Quantity::Kilometres(v) => format!("{}\u{a0}{}", locale.decimal(*v, 1), l.km),
        };
        FigureView {
            label: locale.text(&figure.label),
            value,
            period: figure.period.as_deref().map(|p| locale.date(p)),
            scope: locale.text(&figure.scope),
            status: self.status_view(figure.status),
            source: figure.source.as_deref().map_or(0, |s| citations.cite(s)),
            note: figure.note.as_ref().map(|n| locale.text(n)),
        }
    }

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
        }
        .clone()
    }

    fn indicator_value(&self, kind: IndicatorKind, value: f64) -> String {
        let locale = self.locale;
        match kind.unit() {
            Unit::Count => locale.integer(value.round() as u64),
            Unit::Percent => locale.percent(value),
            Unit::Kilometres => format!("{}\u{a0}{}", locale.decimal(value, 1), self.labels.km),
        }
    }

    fn indicator_gap(&self, kind: IndicatorKind, region: f64, national: f64) -> String {
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

    fn actor_kind(&self, kind: ActorKind) -> String {
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

    fn number(&self, proposal: &Proposal) -> String {
        let position = self
            .positions
            .get(proposal.id.as_str())
            .copied()
            .unwrap_or(0);
        format!("P{}", position + 1)
    }

    fn region(&self, id: &str) -> Option<&'a Region> {
        self.dataset.territories.regions.iter().find(|r| r.id == id)
    }

    fn scope_label(&self, scope: &Scope) -> String {
        match scope {
            Scope::National => self.labels.scope_national.clone(),
            Scope::EveryRegion => self.labels.scope_every_region.clone(),
            Scope::Regions(ids) => {
                let names: Vec<&str> = ids
                    .iter()
                    .filter_map(|id| self.region(id))
                    .map(|r| self.region_name(r))
                    .collect();
                names.join(if self.locale.rtl() { "، " } else { ", " })
            }
        }
    }

    fn proposal_link(&self, p: &Proposal, links: Links) -> ProposalLink {
        ProposalLink {
            id: p.id.clone(),
            number: self.number(p),
            title: self.locale.text(&p.title),
            short_title: self.locale.text(&p.short_title),
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
        self.proposal_with(p, links, &mut Citations::default())
    }

    fn proposal_with(&self, p: &Proposal, links: Links, citations: &mut Citations) -> ProposalView {
        let locale = self.locale;
        let regions: Vec<RegionLink> = match &p.scope {
            Scope::Regions(ids) => ids
                .iter()
                .filter_map(|id| self.region(id))
                .map(|r| RegionLink {
                    id: r.id.clone(),
                    name: self.region_name(r).to_string(),
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
                self.figure_view(f, citations)
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
                        .map(|(r, v)| {
                            self.labelled(self.region_name(r), &self.indicator_value(kind, *v))
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                let low = regional.iter().min_by(|a, b| a.1.total_cmp(&b.1));
                let high = regional.iter().max_by(|a, b| a.1.total_cmp(&b.1));
                let range = match (low, high) {
                    (Some((lr, lv)), Some((hr, hv))) => fill(
                        &self.labels.range,
                        &[
                            (
                                "low",
                                &format!(
                                    "{} ({})",
                                    self.indicator_value(kind, *lv),
                                    self.region_name(lr)
                                ),
                            ),
                            (
                                "high",
                                &format!(
                                    "{} ({})",
                                    self.indicator_value(kind, *hv),
                                    self.region_name(hr)
                                ),
                            ),
                        ],
                    ),
                    _ => String::new(),
                };
                Some(IndicatorSpread {
                    label: self.indicator_label(kind),
                    year,
                    national: self.indicator_value(kind, national),
                    regions: named,
                    range,
                    source: citations.cite(source),
                    status: self.status_view(Status::OfficialStatistic),
                })
            })
            .collect();
        let actors = p
            .actors
            .iter()
            .filter_map(|role| {
                let actor = self.dataset.actors.iter().find(|a| a.id == role.actor)?;
                Some(RoleView {
                    name: locale.text(&actor.name),
                    kind: self.actor_kind(actor.kind),
                    role: locale.text(&role.role),
                })
            })
            .collect();
        let all = |list: &[jiha_data::model::Text]| list.iter().map(|t| locale.text(t)).collect();
        ProposalView {
            id: p.id.clone(),
            number: self.number(p),
            title: locale.text(&p.title),
            short_title: locale.text(&p.short_title),
            scope: self.scope_label(&p.scope),
            regions,
            summary: locale.text(&p.summary),
            key_points: all(&p.key_points),
            context: locale.text(&p.context),
            rationale: locale.text(&p.rationale),
            actors,
            measures: all(&p.measures),
            figures,
            indicators,
            attention: all(&p.attention),
            questions: all(&p.questions),
            sources: self.source_list(&cited, citations),
        }
    }

    pub fn region_brief(&self, r: &Region, links: Links) -> RegionView {
        self.region_with(r, links, &mut Citations::default())
    }

    fn region_with(&self, r: &Region, links: Links, citations: &mut Citations) -> RegionView {
        let (l, locale) = (&self.labels, self.locale);
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
                label: self.indicator_label(kind),
                year,
                value: self.indicator_value(kind, value),
                national: self.indicator_value(kind, national),
                gap: self.indicator_gap(kind, value, national),
                source: citations.cite(&source),
                status: self.status_view(Status::OfficialStatistic),
            });
        }
        // The first and the latest census of the region's population.
        let mut censuses: Vec<&jiha_data::model::Indicator> = r
            .indicators
            .iter()
            .filter(|i| i.kind == IndicatorKind::Population)
            .collect();
        censuses.sort_by_key(|i| i.year);
        let (first, latest) = (censuses.first().copied(), censuses.last().copied());
        let mut change_sources = Vec::new();
        let population_change = match (first, latest) {
            (Some(before), Some(now)) if before.year < now.year && before.value > 0.0 => {
                for i in [before, now] {
                    if let Some(s) = &i.source {
                        cited.push(s.clone());
                        change_sources.push(citations.cite(s));
                    }
                }
                let change = (now.value - before.value) / before.value * 100.0;
                fill(
                    &l.change_between,
                    &[
                        ("change", &locale.signed_percent(change)),
                        ("from", &before.year.to_string()),
                        ("to", &now.year.to_string()),
                        ("before", &locale.integer(before.value as u64)),
                        ("after", &locale.integer(now.value as u64)),
                    ],
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
        let name = self.region_name(r).to_string();
        let map = self.map(Some(&r.id), fill(&l.region_map_title, &[("region", &name)]));
        let mut census_year = 0;
        let bars: Vec<Bar> = IndicatorKind::ALL
            .iter()
            .filter(|k| k.unit() == Unit::Percent)
            .filter_map(|&kind| {
                let values = self.values(kind)?;
                let own = r
                    .indicators
                    .iter()
                    .find(|i| i.kind == kind && i.year == values.year)?;
                census_year = values.year;
                Some(Bar {
                    label: self.indicator_label(kind),
                    value: own.value,
                    value_text: self.indicator_value(kind, own.value),
                    national: values.national,
                    national_text: self.indicator_value(kind, values.national),
                })
            })
            .collect();
        let chart_title = fill(&l.chart_title, &[("region", &name)]);
        let chart = Drawing {
            svg: graphics::indicator_chart(
                &bars,
                &ChartText {
                    title: &chart_title,
                    legend_region: &l.legend_region,
                    legend_national: &l.legend_national,
                    rtl: locale.rtl(),
                },
            ),
            caption: fill(&l.chart_caption, &[("year", &census_year.to_string())]),
            title: chart_title,
        };
        let gap = specific
            .is_empty()
            .then(|| fill(&l.no_specific_proposal, &[("region", &name)]));
        RegionView {
            id: r.id.clone(),
            name,
            name_fr: r.name_fr.clone(),
            name_ar: r.name_ar.clone(),
            hcp_code: r.hcp_code.clone(),
            capital: locale.text(&r.capital.name),
            population_label: fill(
                &l.legal_population,
                &[(
                    "year",
                    &latest.map_or(String::new(), |i| i.year.to_string()),
                )],
            ),
            population: latest.map_or_else(String::new, |p| locale.integer(p.value as u64)),
            population_change,
            indicators,
            specific,
            national,
            gap,
            change_sources,
            map,
            chart,
            sources: self.source_list(&cited, citations),
        }
    }

    pub fn overview(&self, links: Links) -> OverviewView {
        self.overview_with(links, &mut Citations::default())
    }

    fn overview_with(&self, links: Links, citations: &mut Citations) -> OverviewView {
        let (d, l, locale) = (self.dataset, &self.labels, self.locale);
        let speech_source = d.sources.iter().find(|s| s.id == d.meta.speech);
        let event = speech_source.and_then(|s| s.event.as_ref());
        let mut cited = vec![d.meta.speech.clone()];
        let speech = SpeechView {
            speaker: speech_source
                .and_then(|s| s.author.as_ref())
                .map(|a| locale.text(a))
                .unwrap_or_default(),
            title: speech_source.map(|s| french(&s.title)).unwrap_or_default(),
            event: event.map(|e| locale.text(&e.name)).unwrap_or_default(),
            theme: event.map(|e| french(&e.theme)).unwrap_or_default(),
            organiser: event
                .and_then(|e| d.actors.iter().find(|a| a.id == e.organiser))
                .map(|a| locale.text(&a.name))
                .unwrap_or_default(),
            date: speech_source
                .and_then(|s| s.date.as_deref())
                .map_or_else(|| l.unknown.clone(), |date| locale.date(date)),
            note: speech_source
                .and_then(|s| s.note.as_ref())
                .map(|n| locale.text(n)),
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
                        name: self.region_name(r).to_string(),
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
                self.figure_view(f, citations)
            })
            .collect();
        OverviewView {
            title: locale.text(&d.meta.title),
            subtitle: locale.text(&d.meta.subtitle),
            summary: locale.text(&d.meta.summary),
            speech,
            key_messages: d.meta.key_messages.iter().map(|m| locale.text(m)).collect(),
            coverage_note: fill(
                &l.coverage_note,
                &[("last", &format!("P{}", proposals.len()))],
            ),
            map: self.map(None, l.map_title.clone()),
            poles: {
                let poles = self.poles();
                d.territories
                    .regions
                    .iter()
                    .filter_map(|r| {
                        Some((
                            self.region_name(r).to_string(),
                            poles.get(r.id.as_str())?.clone(),
                        ))
                    })
                    .collect()
            },
            proposals,
            coverage,
            figures,
            statuses: self.statuses(),
            sources: self.source_list(&cited, citations),
        }
    }

    pub fn book(&self) -> BookView {
        let (d, l, locale) = (self.dataset, &self.labels, self.locale);
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
                term: locale.text(&t.term),
                definition: locale.text(&t.definition),
                source: t.source.as_deref().map(|s| citations.cite(s)),
            })
            .collect();
        let credits = d
            .meta
            .credits
            .iter()
            .map(|c| CreditView {
                work: locale.text(&c.work),
                holder: locale.text(&c.holder),
                licence: c.licence.clone(),
                url: c.url.clone(),
                changes: c.changes.as_ref().map(|t| locale.text(t)),
            })
            .collect();
        let entry = |title: &str, href: &str, children: Vec<TocEntry>| TocEntry {
            title: title.to_string(),
            href: href.to_string(),
            children,
        };
        let toc = vec![
            entry(&l.overview, "#overview", Vec::new()),
            entry(
                &l.proposals,
                "#proposals",
                proposals
                    .iter()
                    .map(|p| {
                        entry(
                            &format!("{}. {}", p.number, p.title),
                            &links.proposal(&p.id),
                            Vec::new(),
                        )
                    })
                    .collect(),
            ),
            entry(
                &l.regions,
                "#regions",
                regions
                    .iter()
                    .map(|r| {
                        entry(
                            &format!("{} ({})", r.name, r.hcp_code),
                            &links.region(&r.id),
                            Vec::new(),
                        )
                    })
                    .collect(),
            ),
            entry(&l.sources, "#sources", Vec::new()),
            entry(&l.glossary, "#glossary", Vec::new()),
            entry(&l.colophon, "#colophon", Vec::new()),
        ];
        let sources = self.source_list(&citations.order.clone(), &citations);
        let edition = locale.date(&d.meta.edition);
        BookView {
            title: locale.text(&d.meta.title),
            subtitle: locale.text(&d.meta.subtitle),
            produced: fill(&l.produced, &[("date", &edition)]),
            edition,
            publisher: locale.text(&d.meta.publisher),
            toc,
            overview,
            proposals_note: fill(&l.proposals_note, &[("n", &proposals.len().to_string())]),
            proposals,
            regions,
            sources,
            glossary,
            credits,
        }
    }
}
