//! The dataset as [`crate::check::load`] hands it on, once every rule has passed: every
//! required value is present, every date is a [`Date`], and every reference is resolved.
//!
//! [`crate::model`] spells the dataset as the RON files do, ids and all, so that the rules can
//! point at what is wrong. The types here are what the rules guarantee: a figure's source is
//! a [`SourceRef`], not an id that may be missing or unknown, and a region carries its
//! outline. A reference is an index into the dataset that made it; only this crate makes
//! one, and [`Dataset`] only lends its lists, so that every reference it hands out resolves.

use std::collections::BTreeMap;
use std::sync::Arc;

mod provinces;

pub use crate::check::Date;
pub use crate::model::{
    ActorKind, Credit, Dates, Direction, GroupBy, IndicatorKind, Labels, Numbers, PlaceNames,
    SourceKind, Stance, Status, Text, TextNote, Unit, Writing,
};
pub use provinces::{
    Area, Commune, CommuneKind, Province, ProvinceKind, ProvinceOutline, ProvinceValue,
};

/// A source of the dataset: [`Dataset::source`] resolves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceRef(pub(crate) usize);

/// An actor of the dataset: [`Dataset::actor`] resolves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorRef(pub(crate) usize);

/// A figure of the dataset: [`Dataset::figure`] resolves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FigureRef(pub(crate) usize);

/// A voice of the dataset: [`Dataset::voice`] resolves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VoiceRef(pub(crate) usize);

/// A frame item of the dataset: [`Dataset::frame_item`] resolves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FrameRef(pub(crate) usize);

/// A theme of the dataset: [`Dataset::theme`] resolves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ThemeRef(pub(crate) usize);

/// A region of the dataset: [`Dataset::region`] resolves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegionRef(pub(crate) usize);

/// A proposal of the dataset: [`Dataset::proposal`] resolves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProposalRef(pub(crate) usize);

/// A brief a book may hold: the overview, a proposal or a region (never a book).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BriefRef {
    Overview,
    Proposal(ProposalRef),
    Region(RegionRef),
}

/// The whole dataset, checked. Made by [`crate::check::load`] only; its lists are read-only,
/// so that the references into them stay valid.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    // What is shared (`Arc`) is shared with the datasets that differ from this one in a
    // proposal only (`check::single::Base::load`): cloning one copies its proposals.
    pub(crate) meta: Arc<Meta>,
    pub(crate) sources: Arc<[Source]>,
    pub(crate) actors: Arc<[Actor]>,
    pub(crate) figures: Arc<[Figure]>,
    pub(crate) territories: Arc<Territories>,
    pub(crate) outlines_source: SourceRef,
    pub(crate) proposals: Vec<Proposal>,
    pub(crate) catalogues: Arc<BTreeMap<String, Catalogue>>,
    /// Every province, préfecture and préfecture d'arrondissements, region by region in the
    /// order of the files, then of their codes.
    pub(crate) provinces: Arc<[Province]>,
}

/// The label catalogue of one language (`labels/<lang>.ron`), with what the rules make sure
/// it has.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    pub labels: Labels,
    /// The name, in this language, of the language the texts were written in.
    pub original_name: String,
}

impl Dataset {
    /// `provinces/*.ron`: every province, préfecture and préfecture d'arrondissements; none
    /// if the dataset has no file of provinces.
    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    /// `dataset.ron`: title, edition, voices, themes, glossary, credits.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// `sources.ron`, in its order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// `actors.ron`, in its order.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// `figures.ron`, in its order.
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }

    /// `regions.ron`: the country and its twelve regions.
    pub fn territories(&self) -> &Territories {
        &self.territories
    }

    /// The source of the region outlines (`outlines.ron`).
    pub fn outlines_source(&self) -> SourceRef {
        self.outlines_source
    }

    /// `proposals/*.ron`, in the order of the briefs.
    pub fn proposals(&self) -> &[Proposal] {
        &self.proposals
    }

    /// Every quote of a voice the briefs print, with the source it is from, in the order of
    /// the files: the key messages, each proposal's statements and roles, the figures.
    pub fn quotes(&self) -> Vec<(SourceRef, &Quote)> {
        fn said(source: SourceRef, s: &[Said]) -> impl Iterator<Item = (SourceRef, &Quote)> {
            s.iter()
                .flat_map(move |s| s.quotes.iter().map(move |q| (source, q)))
        }
        let mut quotes: Vec<(SourceRef, &Quote)> = (self.meta.voices.iter())
            .flat_map(|v| said(v.source, &v.key_messages))
            .collect();
        for p in &self.proposals {
            let source = self.voice(p.voice).source;
            quotes.extend(said(source, std::slice::from_ref(&p.summary)));
            quotes.extend(said(source, &p.said));
            let roles = p.actors.iter().filter_map(|r| r.quote.as_ref());
            quotes.extend(roles.map(|q| (source, q)));
        }
        let figures = self.figures.iter();
        quotes.extend(figures.filter_map(|f| Some((f.source, f.quote.as_ref()?))));
        quotes
    }

    /// The catalogue of `lang` (`labels/<lang>.ron`); `None` if `lang` is not a language of
    /// the dataset.
    pub fn catalogue(&self, lang: &str) -> Option<&Catalogue> {
        self.catalogues.get(lang)
    }

    /// A reference to each source, in the order of `sources.ron`.
    pub fn source_refs(&self) -> impl Iterator<Item = SourceRef> + use<> {
        (0..self.sources.len()).map(SourceRef)
    }

    /// A reference to each proposal, in the order of the briefs.
    pub fn proposal_refs(&self) -> impl Iterator<Item = ProposalRef> + use<> {
        (0..self.proposals.len()).map(ProposalRef)
    }

    /// The source `r` refers to.
    pub fn source(&self, r: SourceRef) -> &Source {
        &self.sources[r.0]
    }

    /// The actor `r` refers to.
    pub fn actor(&self, r: ActorRef) -> &Actor {
        &self.actors[r.0]
    }

    /// The figure `r` refers to.
    pub fn figure(&self, r: FigureRef) -> &Figure {
        &self.figures[r.0]
    }

    /// A reference to each voice, in the order of `voices`.
    pub fn voice_refs(&self) -> impl Iterator<Item = VoiceRef> + use<> {
        (0..self.meta.voices.len()).map(VoiceRef)
    }

    /// The voice `r` refers to.
    pub fn voice(&self, r: VoiceRef) -> &Voice {
        &self.meta.voices[r.0]
    }

    /// A reference to each theme, in the order of `themes`.
    pub fn theme_refs(&self) -> impl Iterator<Item = ThemeRef> + use<> {
        (0..self.meta.themes.len()).map(ThemeRef)
    }

    /// The frame item `r` refers to.
    pub fn frame_item(&self, r: FrameRef) -> &FrameItem {
        &self.meta.frame[r.0]
    }

    /// The theme `r` refers to.
    pub fn theme(&self, r: ThemeRef) -> &Theme {
        &self.meta.themes[r.0]
    }

    /// The region `r` refers to.
    pub fn region(&self, r: RegionRef) -> &Region {
        &self.territories.regions[r.0]
    }

    /// The proposal `r` refers to.
    pub fn proposal(&self, r: ProposalRef) -> &Proposal {
        &self.proposals[r.0]
    }

    /// The region whose id is `id`, if any.
    pub fn region_id(&self, id: &str) -> Option<RegionRef> {
        self.territories
            .regions
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.key)
    }

    /// The brief whose id is `id` among those a book may hold: the overview (`overview`), a
    /// proposal or a region; `None` for any other id, a book's included.
    pub fn brief(&self, id: &str) -> Option<BriefRef> {
        if id == crate::check::OVERVIEW_ID {
            return Some(BriefRef::Overview);
        }
        let proposal = self.proposals.iter().position(|p| p.id == id);
        let proposal = proposal.map(|i| BriefRef::Proposal(ProposalRef(i)));
        proposal.or_else(|| self.region_id(id).map(BriefRef::Region))
    }

    /// The ids [`Dataset::brief`] knows: the overview's, then the proposals' and the regions'.
    pub fn brief_ids(&self) -> Vec<String> {
        let proposals = self.proposals.iter().map(|p| p.id.clone());
        let regions = self.territories.regions.iter().map(|r| r.id.clone());
        std::iter::once(crate::check::OVERVIEW_ID.to_string())
            .chain(proposals)
            .chain(regions)
            .collect()
    }

    /// The proposals that concern `region` as `concern` says ([`Scope::concern`]), in the
    /// order of the briefs.
    pub fn concerning(&self, region: RegionRef, concern: Concern) -> Vec<ProposalRef> {
        (self.proposals.iter().enumerate())
            .filter(|(_, p)| p.scope.concern(region) == Some(concern))
            .map(|(i, _)| ProposalRef(i))
            .collect()
    }
}

/// What the briefs are about and who publishes them (`dataset.ron`).
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub title: Text,
    pub subtitle: Text,
    /// The edition date.
    pub edition: Date,
    /// The languages every text is written in, as BCP 47 tags.
    pub languages: Vec<String>,
    /// The language the texts were written in.
    pub original: String,
    pub publisher: Text,
    /// Who edited the dataset, and whose analysis it is.
    pub editor: Text,
    pub summary: Text,
    /// The voices whose proposals the briefs present.
    pub voices: Vec<Voice>,
    /// The themes the proposals are filed under.
    pub themes: Vec<Theme>,
    /// How the overview groups the proposals.
    pub group_by: GroupBy,
    /// Our analysis of the voices, as a whole and side by side.
    pub synthesis: Vec<Text>,
    pub glossary: Vec<Term>,
    /// What the law and the national programmes provide around the proposals.
    pub frame: Vec<FrameItem>,
    pub credits: Vec<Credit>,
    /// Books made to measure, in the order of `dataset.ron`.
    pub books: Vec<Book>,
}

/// A book made to measure (`books` in `dataset.ron`).
#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    /// Unique among briefs.
    pub id: String,
    pub title: Text,
    /// At least one, none empty.
    pub chapters: Vec<Chapter>,
}

/// A chapter of a book made to measure: what it holds.
///
/// A book chosen by theme would be one more variant, resolved like these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chapter {
    /// The region's brief, then the proposals that name it, then those for the whole country
    /// or every region ([`Scope::concern`]).
    Region(RegionRef),
    /// These briefs, in this order; at least one.
    Briefs(Vec<BriefRef>),
}

/// Someone whose proposals the briefs present, with what check requires their source to
/// name: who they are and, for a speech, the event.
#[derive(Debug, Clone, PartialEq)]
pub struct Voice {
    /// Their speech, report or interview.
    pub source: SourceRef,
    /// How the briefs name them in their wording.
    pub speaker: Text,
    /// Who they are, with their role (the source's `author`).
    pub author: Text,
    /// The actor they speak for.
    pub organisation: ActorRef,
    /// What the reader should know first about their interest.
    pub disclosure: Option<Text>,
    pub key_messages: Vec<Said>,
}

/// A theme the proposals are filed under.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: String,
    pub name: Text,
}

/// A statement of the frame around the proposals, with its sources (at least one).
#[derive(Debug, Clone, PartialEq)]
pub struct FrameItem {
    pub id: String,
    pub heading: Text,
    pub text: Text,
    pub sources: Vec<SourceRef>,
}

/// A glossary entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub term: Text,
    pub definition: Text,
    /// The source of the facts in the definition, if any.
    pub source: Option<SourceRef>,
}

/// A publication something in the dataset relies on.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    /// Its title, as published (not translated).
    pub title: String,
    pub author: Option<Text>,
    pub publisher: Option<Text>,
    /// The event where it was said, for a speech.
    pub event: Option<Event>,
    /// Where it was said or published, when known.
    pub place: Option<Text>,
    /// When it was published; `None` when unknown.
    pub date: Option<Date>,
    pub url: Option<String>,
    pub note: Option<Text>,
    /// Notes on its own text: slips, passages that read otherwise than meant.
    pub notes: Vec<TextNote>,
}

/// A short verbatim excerpt of the speech, with our translations and the notes on the
/// passages it contains.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The words, as the speech prints them.
    pub words: String,
    /// Its paragraph in the speech, from 1.
    pub paragraph: u32,
    /// Our translation, in every language but the original.
    pub translation: Text,
    /// The speech's notes on passages these words contain.
    pub notes: Vec<TextNote>,
}

/// A statement that attributes something to the speaker, and the quotes that back it.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    pub text: Text,
    /// At least one.
    pub quotes: Vec<Quote>,
}

/// The event where a speech was given.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub name: Text,
    /// Its announced theme, as published (not translated), when known.
    pub theme: Option<String>,
    /// Who organised it.
    pub organiser: ActorRef,
}

/// Someone the speech names or implies.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: Text,
    pub kind: ActorKind,
    pub description: Text,
    /// The sources that name them.
    pub sources: Vec<SourceRef>,
}

/// A figure quoted by the briefs.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub id: String,
    pub label: Text,
    pub value: Quantity,
    /// The date or period it refers to, when it is not the source's date.
    pub period: Option<Date>,
    pub scope: Text,
    /// The source that gives it.
    pub source: SourceRef,
    pub status: Status,
    pub note: Option<Text>,
    /// The speaker's words, for a figure he gives.
    pub quote: Option<Quote>,
}

/// A value and its unit, in range.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    Count(u64),
    Percent(f64),
    Years(u32),
    Year(i32),
    Date(Date),
    Kilometres(f64),
}

/// The country, its regions, and their census values.
#[derive(Debug, Clone, PartialEq)]
pub struct Territories {
    pub country: Country,
    /// The twelve regions, each with its outline.
    pub regions: Vec<Region>,
    /// One entry per indicator, area and census year the country carries, each with the
    /// value of every region (the rules make every region carry the country's indicators).
    pub census: Vec<Census>,
}

impl Territories {
    /// The latest census of `kind` over everyone; `None` if the dataset does not carry that
    /// indicator.
    pub fn latest(&self, kind: IndicatorKind) -> Option<&Census> {
        self.latest_in(kind, Area::Total)
    }

    /// The latest census of `kind` over `area`; `None` if the dataset does not carry it.
    pub fn latest_in(&self, kind: IndicatorKind, area: Area) -> Option<&Census> {
        self.census
            .iter()
            .filter(|c| c.kind == kind && c.area == area)
            .max_by_key(|c| c.year)
    }

    /// The census of `kind` over everyone in `year`; `None` if the dataset does not carry it.
    pub fn census(&self, kind: IndicatorKind, year: i32) -> Option<&Census> {
        self.census
            .iter()
            .find(|c| (c.kind, c.area, c.year) == (kind, Area::Total, year))
    }

    /// Every census of `kind` over everyone, oldest first.
    pub fn series(&self, kind: IndicatorKind) -> Vec<&Census> {
        let mut series: Vec<&Census> = (self.census.iter())
            .filter(|c| c.kind == kind && c.area == Area::Total)
            .collect();
        series.sort_by_key(|c| c.year);
        series
    }
}

/// One indicator in one census year: the nation's value and every region's.
#[derive(Debug, Clone, PartialEq)]
pub struct Census {
    pub kind: IndicatorKind,
    /// Over whom: everyone, or the urban or rural population.
    pub area: Area,
    /// The census year.
    pub year: i32,
    pub national: Value,
    /// One value per region, in the order of the regions.
    pub(crate) regional: Vec<Value>,
}

impl Census {
    /// The value of `region`.
    pub fn region(&self, region: RegionRef) -> &Value {
        &self.regional[region.0]
    }
}

/// One census value, in its indicator's unit, with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub value: f64,
    /// The source publication.
    pub source: SourceRef,
}

/// Morocco as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub hcp_code: String,
    pub name_fr: String,
    pub name_ar: String,
    pub capital: Capital,
}

/// One of the twelve regions.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// The region's own reference, to compare with a proposal's scope.
    pub key: RegionRef,
    pub id: String,
    pub hcp_code: String,
    pub name_fr: String,
    pub name_ar: String,
    pub capital: Capital,
    /// Its outline (`outlines.ron`): `(longitude, latitude)` points, the last equal to the
    /// first.
    pub outline: Vec<(f64, f64)>,
}

/// The seat of a region's (or the country's) administration.
#[derive(Debug, Clone, PartialEq)]
pub struct Capital {
    pub name: Text,
    pub lat: f64,
    pub lon: f64,
    /// The source that makes it the chef-lieu.
    pub decree: SourceRef,
    /// The source of the coordinates.
    pub coordinates: SourceRef,
}

/// A proposal of one of the voices.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub id: String,
    /// Its number in the briefs, from 1: `P1`, `P2`...
    pub number: usize,
    pub title: Text,
    pub short_title: Text,
    /// Who made it.
    pub voice: VoiceRef,
    pub theme: ThemeRef,
    pub stance: Stance,
    pub scope: Scope,
    /// What he said, in one sentence: the lede.
    pub summary: Said,
    /// What else he said of it.
    pub said: Vec<Said>,
    /// Sourced background, with no judgement.
    pub context: Text,
    /// The figures that bear on it.
    pub figures: Vec<FigureRef>,
    /// The frame items that bear on it.
    pub frame: Vec<FrameRef>,
    pub indicators: Vec<IndicatorKind>,
    pub actors: Vec<Role>,
    /// How the figures bear on it: our analysis.
    pub relevance: Text,
    pub attention: Vec<Text>,
    pub questions: Vec<Text>,
    /// The sources the brief relies on.
    pub sources: Vec<SourceRef>,
}

/// Where a proposal applies.
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    National,
    EveryRegion,
    /// These regions only, at least one.
    Regions(Vec<RegionRef>),
}

/// How a proposal concerns a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concern {
    /// Its scope names the region.
    Named,
    /// It is for the whole country, or for every region.
    Nationwide,
}

impl Scope {
    /// Whether the scope names `region`.
    pub fn names(&self, region: RegionRef) -> bool {
        self.concern(region) == Some(Concern::Named)
    }

    /// How a proposal of this scope concerns `region`, if it does: the one rule that region
    /// briefs, the overview's coverage and the books of a region follow.
    pub fn concern(&self, region: RegionRef) -> Option<Concern> {
        match self {
            Scope::Regions(regions) if regions.contains(&region) => Some(Concern::Named),
            Scope::Regions(_) => None,
            Scope::National | Scope::EveryRegion => Some(Concern::Nationwide),
        }
    }
}

/// An actor's part in a proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub actor: ActorRef,
    pub role: Text,
    /// The speaker's words when he gave them this part; `None`: the role is our reading.
    pub quote: Option<Quote>,
}
