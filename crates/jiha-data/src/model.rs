//! The dataset's types, exactly as the RON files in `data/` spell them.
//!
//! The types are plain data; what makes a dataset valid lives in [`crate::check`].

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod frame;
mod labels;
mod provinces;
mod text;

pub use frame::{FrameItem, Term};
pub use labels::{Dates, Direction, Hedges, Labels, Numbers, PlaceNames, Writing};
pub use provinces::{
    Commune, CommuneKind, Province, ProvinceKind, ProvinceOutline, RegionProvinces,
};
pub use text::{Text, schema};

/// The whole dataset, once every file is parsed. Serialized, it is the JSON export
/// (`jiha export --to json`), and [`schema`] is its JSON Schema.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// `dataset.ron`: title, edition, glossary, credits.
    pub meta: Meta,
    /// `sources.ron`: every publication something relies on.
    pub sources: Vec<Source>,
    /// `actors.ron`: who the speech names or implies.
    pub actors: Vec<Actor>,
    /// `figures.ron`: the figures the briefs quote, each with its source and status.
    pub figures: Vec<Figure>,
    /// `regions.ron`: the country and its twelve regions.
    pub territories: Territories,
    /// `outlines.ron`: one outline per region.
    pub outlines: Outlines,
    /// `provinces/<region-id>.ron`, in the order of their file names: each region's
    /// provinces and préfectures, with their communes.
    pub provinces: Vec<RegionProvinces>,
    /// `proposals/*.ron`, sorted by their `order`.
    pub proposals: Vec<Proposal>,
    /// `labels/<lang>.ron`, one catalogue per declared language.
    pub labels: BTreeMap<String, Labels>,
}

/// What the briefs are about and who publishes them (`dataset.ron`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename = "Dataset", deny_unknown_fields)]
#[schemars(rename = "Meta")]
pub struct Meta {
    /// Title of the book and of the overview.
    pub title: Text,
    /// One line under the title.
    pub subtitle: Text,
    /// Edition date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub edition: String,
    /// The languages every text is written in, as BCP 47 tags (`["fr", "en", "ar"]`).
    pub languages: Vec<String>,
    /// The language the texts were written in; the others are translations.
    pub original: String,
    /// Who publishes the briefs, and on what terms.
    pub publisher: Text,
    /// Who edited the dataset: the analysis is credited to them, on the cover and in the
    /// colophon.
    pub editor: Text,
    /// The sources, in our words, in a paragraph.
    pub summary: Text,
    /// The voices whose proposals the briefs present: a speech, a report or an interview
    /// each, in the order the overview introduces them.
    pub voices: Vec<Voice>,
    /// The themes the proposals are filed under, in the order the overview lists them.
    pub themes: Vec<Theme>,
    /// How the overview groups the proposals: by voice (the default) or by theme.
    #[serde(default)]
    pub group_by: GroupBy,
    /// What we read in the voices as a whole and side by side: our analysis, apart from what
    /// they said.
    pub synthesis: Vec<Text>,
    /// Terms a reader may not know.
    pub glossary: Vec<Term>,
    /// What the law and the national programmes provide around the proposals: sourced
    /// context that the proposals name (`frame`); none if omitted.
    #[serde(default)]
    pub frame: Vec<FrameItem>,
    /// Works reused by the dataset, for the colophon.
    pub credits: Vec<Credit>,
    /// Books made to measure, each written beside the whole book; none if omitted.
    #[serde(default)]
    pub books: Vec<Book>,
}

/// A book made to measure: a title and the chapters it holds, in order.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Book {
    /// Slug, unique among briefs: the book's files are `books/<id>.*`.
    pub id: String,
    /// Its title, on the cover and in the running header.
    pub title: Text,
    /// What it holds, in order; a brief is printed once, where it first falls.
    pub chapters: Vec<Chapter>,
}

/// A chapter of a book made to measure.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub enum Chapter {
    /// A region (id): its brief, then the proposals that name it, then those for the whole
    /// country or every region.
    Region(String),
    /// These briefs (ids of the overview, proposals or regions), in this order.
    Briefs(Vec<String>),
}

/// Someone whose proposals the briefs present, and where they made them.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    /// Id of the source that holds their words: a speech, a report or an interview, with
    /// its `author` (who, with their role), its `place`, and its `event` for a speech.
    pub source: String,
    /// How the briefs name them in their wording ("what Chakib Achour says").
    pub speaker: Text,
    /// Id of the actor they speak for.
    pub organisation: String,
    /// What the reader should know first about their interest in what they propose.
    pub disclosure: Option<Text>,
    /// Their key messages, in our words, each with the quotes that back it.
    pub key_messages: Vec<Said>,
}

/// A theme the proposals are filed under.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Slug, unique among themes.
    pub id: String,
    /// Its name, short enough for a table heading.
    pub name: Text,
}

/// How the overview groups the proposals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum GroupBy {
    /// Under each voice, in the order of `voices`.
    #[default]
    Voice,
    /// Under each theme, in the order of `themes`.
    Theme,
}

/// A reused work and its licence.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Credit {
    /// What was reused.
    pub work: Text,
    /// Who holds the rights.
    pub holder: Text,
    /// The licence it is reused under.
    pub licence: String,
    /// Where the terms are published.
    pub url: Option<String>,
    /// What jiha changed, as CC BY asks.
    pub changes: Option<Text>,
}

/// A publication something in the dataset relies on.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Slug, unique among sources.
    pub id: String,
    /// What sort of publication it is.
    pub kind: SourceKind,
    /// Its title, as published, in its own language (not translated).
    pub title: String,
    /// Its author or speaker, with their role.
    pub author: Option<Text>,
    /// Who published it, named in each language.
    pub publisher: Option<Text>,
    /// The event where it was said, for a speech.
    pub event: Option<Event>,
    /// Where it was said or published (a city), when known.
    #[serde(default)]
    pub place: Option<Text>,
    /// When it was published: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` when unknown.
    pub date: Option<String>,
    /// Where to read it.
    pub url: Option<String>,
    /// What a reader should know about it (how it is known, what is unconfirmed).
    pub note: Option<Text>,
    /// Notes on the source's own text: slips, and passages that read otherwise than surely
    /// meant. A quote that contains a noted passage is printed with its note.
    #[serde(default)]
    pub notes: Vec<TextNote>,
}

/// A note on a passage of a source's text.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextNote {
    /// The passage, exactly as printed.
    pub words: String,
    /// The paragraph it is in, counting the source's non-empty lines from 1.
    pub paragraph: u32,
    /// How we read it.
    pub reading: Text,
}

/// A short verbatim excerpt of the speech, where it is, and our translations of it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The words, exactly as the source prints them: at most 15.
    pub words: String,
    /// The paragraph they are in, counting the source's non-empty lines from 1.
    pub paragraph: u32,
    /// Our translation, in every language of the dataset but the original.
    pub translation: Text,
}

/// A statement that attributes something to the speaker, with the quotes that back it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Said {
    /// The statement, in our words.
    pub text: Text,
    /// At least one quote of his words.
    pub quotes: Vec<Quote>,
}

/// What sort of publication a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum SourceKind {
    Speech,
    Report,
    Interview,
    Statistics,
    Press,
    Legal,
    Dataset,
    Website,
}

/// The event where a speech was given.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Its name and edition.
    pub name: Text,
    /// Its announced theme, as published (not translated), when the source gives it.
    #[serde(default)]
    pub theme: Option<String>,
    /// Id of the actor who organised it.
    pub organiser: String,
}

/// Someone the speech names or implies.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Slug, unique among actors.
    pub id: String,
    /// Name as officially written in each language.
    pub name: Text,
    /// What sort of actor it is.
    pub kind: ActorKind,
    /// Who they are, in one sentence.
    pub description: Text,
    /// Ids of the sources that name them.
    pub sources: Vec<String>,
}

/// What sort of actor someone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum ActorKind {
    Company,
    Operator,
    Research,
    Government,
    Academia,
    Authority,
    Business,
    Media,
}

/// A figure quoted by the briefs.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Slug, unique among figures.
    pub id: String,
    /// What is counted or measured.
    pub label: Text,
    /// The value with its unit.
    pub value: Quantity,
    /// The date or period it refers to, when it is not the source's date.
    pub period: Option<String>,
    /// Where it applies (`Maroc`, a region).
    pub scope: Text,
    /// Id of the source that gives it. Required: `None` is reported.
    #[serde(default)]
    pub source: Option<String>,
    /// How much weight it carries.
    pub status: Status,
    /// What a reader should know about it.
    pub note: Option<Text>,
    /// His words, for a figure the speaker gives: required for a `SpeakerClaim`.
    #[serde(default)]
    pub quote: Option<Quote>,
}

/// A value and its unit.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub enum Quantity {
    /// A number of things or people, at least 1.
    Count(u64),
    /// A percentage, from 0 to 100.
    Percent(f64),
    /// A duration in years, at least 1.
    Years(u32),
    /// A calendar year.
    Year(i32),
    /// A date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date(String),
    /// A distance in kilometres, not negative.
    Kilometres(f64),
}

/// How much weight a figure carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Status {
    /// Said by the speaker; shown as his claim.
    SpeakerClaim,
    /// Published by the official statistics office.
    OfficialStatistic,
    /// Reported by a public source (press, website).
    Reported,
    /// Computed by jiha from other figures.
    OwnCalculation,
}

/// The country and its regions (`regions.ron`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Territories {
    /// The national row: the reference every region is compared with.
    pub country: Country,
    /// The twelve regions of the 2015 division.
    pub regions: Vec<Region>,
}

/// Morocco as a whole.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// `MA`.
    pub hcp_code: String,
    /// Name in French.
    pub name_fr: String,
    /// Name in Arabic.
    pub name_ar: String,
    /// The capital.
    pub capital: Capital,
    /// National values of the census indicators.
    pub indicators: Vec<Indicator>,
}

/// One of the twelve regions.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Slug, unique among regions and briefs.
    pub id: String,
    /// HCP code, `01` to `12`.
    pub hcp_code: String,
    /// Name in French, as HCP writes it.
    pub name_fr: String,
    /// Name in Arabic, as HCP writes it.
    pub name_ar: String,
    /// The chef-lieu.
    pub capital: Capital,
    /// The region's values of the census indicators.
    pub indicators: Vec<Indicator>,
}

/// The seat of a region's (or the country's) administration.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capital {
    /// Name of the city, in each language.
    pub name: Text,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east (negative: west).
    pub lon: f64,
    /// Id of the source that makes it the chef-lieu.
    pub decree: String,
    /// Id of the source of the coordinates.
    pub coordinates: String,
}

/// One census value of the country, a region or a province.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// What it measures.
    pub kind: IndicatorKind,
    /// Over whom: everyone (the default), or the urban or rural population only.
    #[serde(default)]
    pub area: Area,
    /// The value, in the kind's unit.
    pub value: f64,
    /// The census year.
    pub year: i32,
    /// Id of the source publication. Required: `None` is reported.
    #[serde(default)]
    pub source: Option<String>,
}

/// The part of a territory's population an indicator is about.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    JsonSchema,
)]
pub enum Area {
    /// Everyone.
    #[default]
    Total,
    /// The urban communes' population.
    Urban,
    /// The rural communes' population.
    Rural,
}

/// The census indicators the dataset carries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
pub enum IndicatorKind {
    Population,
    Households,
    IlliteracyRate,
    HigherEducation,
    UnemploymentRate,
    ActivityRate,
    HouseholdsWithElectricity,
    DistanceToPavedRoad,
    /// Share of the literate population aged 10 and over who read and write French.
    ReadsWritesFrench,
    /// The same for English.
    ReadsWritesEnglish,
    /// Businesses (establishments run for profit, agriculture excepted) mapped in 2024.
    Businesses,
    /// Those of industry.
    IndustryEstablishments,
    /// Those of commerce.
    CommerceEstablishments,
    /// Those of services.
    ServicesEstablishments,
    /// Those of construction.
    ConstructionEstablishments,
    /// The permanent jobs of all the businesses.
    PermanentJobs,
}

/// The unit an indicator is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
    Kilometres,
}

impl IndicatorKind {
    /// The kinds the country and the regions carry, in the order the briefs show them: the
    /// region brief's table, and what a data text may cite.
    pub const ALL: [IndicatorKind; 8] = [
        IndicatorKind::Population,
        IndicatorKind::Households,
        IndicatorKind::UnemploymentRate,
        IndicatorKind::ActivityRate,
        IndicatorKind::IlliteracyRate,
        IndicatorKind::HigherEducation,
        IndicatorKind::HouseholdsWithElectricity,
        IndicatorKind::DistanceToPavedRoad,
    ];

    /// The kinds only the provinces carry, in the order the province brief shows them.
    pub const PROVINCIAL: [IndicatorKind; 8] = [
        IndicatorKind::ReadsWritesFrench,
        IndicatorKind::ReadsWritesEnglish,
        IndicatorKind::Businesses,
        IndicatorKind::IndustryEstablishments,
        IndicatorKind::CommerceEstablishments,
        IndicatorKind::ServicesEstablishments,
        IndicatorKind::ConstructionEstablishments,
        IndicatorKind::PermanentJobs,
    ];

    /// The unit of the kind's values.
    pub fn unit(self) -> Unit {
        use IndicatorKind as K;
        match self {
            K::Population
            | K::Households
            | K::Businesses
            | K::IndustryEstablishments
            | K::CommerceEstablishments
            | K::ServicesEstablishments
            | K::ConstructionEstablishments
            | K::PermanentJobs => Unit::Count,
            IndicatorKind::DistanceToPavedRoad => Unit::Kilometres,
            _ => Unit::Percent,
        }
    }

    /// The kind's name in a data text's references (`{value: oriental.unemployment.2024}`):
    /// kebab-case, documented in `docs/data-format.md`.
    pub fn slug(self) -> &'static str {
        match self {
            IndicatorKind::Population => "population",
            IndicatorKind::Households => "households",
            IndicatorKind::IlliteracyRate => "illiteracy",
            IndicatorKind::HigherEducation => "higher-education",
            IndicatorKind::UnemploymentRate => "unemployment",
            IndicatorKind::ActivityRate => "activity",
            IndicatorKind::HouseholdsWithElectricity => "electricity",
            IndicatorKind::DistanceToPavedRoad => "distance-to-paved-road",
            IndicatorKind::ReadsWritesFrench => "reads-writes-french",
            IndicatorKind::ReadsWritesEnglish => "reads-writes-english",
            IndicatorKind::Businesses => "businesses",
            IndicatorKind::IndustryEstablishments => "industry-establishments",
            IndicatorKind::CommerceEstablishments => "commerce-establishments",
            IndicatorKind::ServicesEstablishments => "services-establishments",
            IndicatorKind::ConstructionEstablishments => "construction-establishments",
            IndicatorKind::PermanentJobs => "permanent-jobs",
        }
    }

    /// The kind a slug names, if any.
    pub fn from_slug(slug: &str) -> Option<IndicatorKind> {
        IndicatorKind::every().find(|k| k.slug() == slug)
    }

    /// Every kind: the regions' ([`Self::ALL`]), then the provinces' ([`Self::PROVINCIAL`]).
    pub fn every() -> impl Iterator<Item = IndicatorKind> {
        IndicatorKind::ALL
            .into_iter()
            .chain(IndicatorKind::PROVINCIAL)
    }
}

/// The region outlines (`outlines.ron`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outlines {
    /// Id of the source of the outlines.
    pub source: String,
    /// One outline per region.
    pub regions: Vec<Outline>,
}

/// A region's outline: one closed ring.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outline {
    /// Id of the region.
    pub region: String,
    /// `(longitude, latitude)` points in degrees; the last equals the first.
    pub ring: Vec<(f64, f64)>,
}

/// A proposal of the speech (`proposals/<id>.ron`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// Slug, equal to the file name without `.ron`.
    pub id: String,
    /// Position in the briefs; unique. Within a voice, the order of its speech or text.
    pub order: u32,
    /// Full title.
    pub title: Text,
    /// Title short enough for a table heading.
    pub short_title: Text,
    /// Who made it: the `source` of one of the dataset's `voices`.
    pub voice: String,
    /// Id of the theme it is filed under.
    pub theme: String,
    /// How firmly the speaker put it, judged from his words.
    pub stance: Stance,
    /// Where it applies.
    pub scope: Scope,
    /// What he said, in one sentence with its hedge: the lede.
    pub summary: Said,
    /// What else he said of it: the first layer.
    pub said: Vec<Said>,
    /// Sourced background, with no judgement: the second layer, with the figures.
    pub context: Text,
    /// Ids of the figures that bear on it.
    pub figures: Vec<String>,
    /// Ids of the frame items (`dataset.ron`'s `frame`) that bear on it; none if omitted.
    #[serde(default)]
    pub frame: Vec<String>,
    /// Census indicators that bear on it, shown for the regions concerned.
    pub indicators: Vec<IndicatorKind>,
    /// Who would act, and how: the speaker's words when quoted, else our reading.
    pub actors: Vec<Role>,
    /// How the figures bear on it: our analysis, the third layer.
    pub relevance: Text,
    /// Points of attention: our analysis.
    pub attention: Vec<Text>,
    /// Open questions: our analysis.
    pub questions: Vec<Text>,
    /// Ids of the sources the brief relies on.
    pub sources: Vec<String>,
}

/// How firmly the speaker put a proposal, from the weakest.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
pub enum Stance {
    /// Given as an example: « par exemple », « pourquoi pas ».
    Example,
    /// Suggested: « il serait peut-être important ».
    Suggestion,
    /// Put as a proposal: « il faut ».
    Proposal,
    /// Announced, or committed to, by his company.
    Announcement,
}

impl Stance {
    /// Every stance, from the weakest.
    pub const ALL: [Stance; 4] = [
        Stance::Example,
        Stance::Suggestion,
        Stance::Proposal,
        Stance::Announcement,
    ];
}

/// Where a proposal applies.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
pub enum Scope {
    /// One measure for the whole country.
    National,
    /// One instance in every region.
    EveryRegion,
    /// These regions only (ids).
    Regions(Vec<String>),
}

/// An actor's part in a proposal.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Id of the actor.
    pub actor: String,
    /// What they would do.
    pub role: Text,
    /// The speaker's words, when he gave them this part; without, the role is our reading.
    #[serde(default)]
    pub quote: Option<Quote>,
}
