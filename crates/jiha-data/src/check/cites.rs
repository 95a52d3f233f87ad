//! Texts that cite the data ([`crate::cite`]): every reference is well formed, names a
//! territory, an indicator, a census year or a figure that exists, compares what can be
//! compared, ranks regions that do not tie; and every translation cites what its original
//! cites.

use std::ops::Range;

use crate::cite::{self, COUNTRY, Cite, Datum, Malformed, Piece, Series};
use crate::ronspan::string_offset;

use super::*;

/// What the rules on references in texts can find. `cite` is a reference in its one written
/// form (`{value: oriental.unemployment.2024}`).
#[derive(Debug, Clone, PartialEq)]
pub enum CiteFinding {
    /// A `{` that nothing closes.
    Unclosed,
    /// A `}` that closes nothing.
    StrayClose,
    /// Braces around something that is not a reference (`{high}`, `{valeur: x}`), as
    /// written; `suggestion` is the closest function.
    NotAReference {
        written: String,
        suggestion: Option<String>,
    },
    /// A function given `given` values.
    Arguments {
        function: &'static str,
        given: usize,
    },
    /// A value the function does not take in that form.
    Argument {
        function: &'static str,
        written: String,
    },
    /// A territory that is neither `country` nor a region's id; `known` every region id.
    UnknownTerritory {
        value: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// An indicator slug that names no indicator.
    UnknownIndicator {
        value: String,
        suggestion: Option<String>,
    },
    /// A census year the dataset does not carry for the indicator; `years` those it does.
    UnknownYear {
        indicator: String,
        year: String,
        years: Vec<i32>,
    },
    /// A figure id that names no figure; `known` every figure id.
    UnknownFigure {
        value: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// A comparison of values that do not compare: other units, or years and dates.
    Incomparable {
        cite: String,
        first: Measure,
        second: Measure,
    },
    /// `highest` or `lowest` where several regions share the value: no single region has it.
    Tie { cite: String, regions: Vec<String> },
    /// A proposal's context (sourced facts) citing a figure that is the speaker's claim.
    ClaimAsFact { figure: String },
    /// A translation without a reference of its original.
    MissingInTranslation {
        lang: String,
        original: String,
        cite: String,
    },
    /// A translation with a reference its original does not make.
    NotInOriginal {
        lang: String,
        original: String,
        cite: String,
    },
}

/// What a cited value measures, which decides what it compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Count,
    Percent,
    Kilometres,
    Years,
    Year,
    Date,
}

impl Measure {
    fn of_unit(unit: Unit) -> Measure {
        match unit {
            Unit::Count => Measure::Count,
            Unit::Percent => Measure::Percent,
            Unit::Kilometres => Measure::Kilometres,
        }
    }

    fn of_quantity(quantity: &Quantity) -> Measure {
        match quantity {
            Quantity::Count(_) => Measure::Count,
            Quantity::Percent(_) => Measure::Percent,
            Quantity::Kilometres(_) => Measure::Kilometres,
            Quantity::Years(_) => Measure::Years,
            Quantity::Year(_) => Measure::Year,
            Quantity::Date(_) => Measure::Date,
        }
    }

    /// Whether values of this measure are above or below one another: not a year or a date.
    pub fn compares(self) -> bool {
        !matches!(self, Measure::Year | Measure::Date)
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Measure::Count => "a count",
            Measure::Percent => "a percentage",
            Measure::Kilometres => "a distance",
            Measure::Years => "a duration",
            Measure::Year => "a year",
            Measure::Date => "a date",
        })
    }
}

/// How each function is written, for the help lines.
fn usage(function: &str) -> &'static str {
    match function {
        "value" => {
            "write `{value: TERRITORY.INDICATOR.YEAR}` (a census value; TERRITORY is a region's id or `country`) or `{value: FIGURE}` (a figure's id)"
        }
        "compare" => {
            "write `{compare: A, B}`, each of A and B a census value (TERRITORY.INDICATOR.YEAR) or a figure's id"
        }
        _ => "write `{highest: INDICATOR.YEAR}` or `{lowest: INDICATOR.YEAR}`",
    }
}

/// `did you mean `x`? ` when there is a close name, else nothing.
fn did_you_mean(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(best) => format!("did you mean `{best}`? "),
        None => String::new(),
    }
}

/// Where a proposal's context is: the layer of sourced facts.
const CONTEXT: &str = "context.";

/// The help every brace finding ends with.
const LITERAL_BRACE: &str = "a brace printed as such is written twice, `{{` or `}}`";

impl Describe for CiteFinding {
    fn message(&self) -> String {
        use CiteFinding as F;
        match self {
            F::Unclosed => "`{` opens a reference that is never closed".into(),
            F::StrayClose => "`}` closes no reference".into(),
            F::NotAReference { written, .. } => {
                format!("`{written}` is not a reference to the data")
            }
            F::Arguments { function, given } => format!(
                "`{{{function}: …}}` takes {} value{}, not {given}",
                if *function == "compare" { "two" } else { "one" },
                if *function == "compare" { "s" } else { "" },
            ),
            F::Argument { function, written } => {
                format!("`{written}` is not what `{{{function}: …}}` takes")
            }
            F::UnknownTerritory { value, .. } => format!("unknown territory `{value}`"),
            F::UnknownIndicator { value, .. } => format!("unknown indicator `{value}`"),
            F::UnknownYear {
                indicator, year, ..
            } => format!("no census year `{year}` for `{indicator}`"),
            F::UnknownFigure { value, .. } => format!("unknown figure `{value}`"),
            F::Incomparable {
                cite,
                first,
                second,
            } => format!("`{cite}` compares {first} with {second}"),
            F::Tie { cite, regions } => format!(
                "`{cite}` names no single region: {} regions share the value",
                regions.len()
            ),
            F::ClaimAsFact { figure } => {
                format!("the context cites `{figure}`, the speaker's claim, as a fact")
            }
            F::MissingInTranslation {
                lang,
                original,
                cite,
            } => format!(
                "the `{lang}` version lacks `{cite}`, which the `{original}` original cites"
            ),
            F::NotInOriginal {
                lang,
                original,
                cite,
            } => format!(
                "the `{lang}` version cites `{cite}`, which the `{original}` original does not"
            ),
        }
    }

    fn label(&self) -> Option<String> {
        use CiteFinding as F;
        Some(match self {
            F::Unclosed => "opened here".into(),
            F::StrayClose => "closes nothing".into(),
            F::UnknownTerritory { .. } => "neither `country` nor a region's id".into(),
            F::UnknownIndicator { .. } => "no indicator has this name".into(),
            F::UnknownYear { .. } => "no census of this year".into(),
            F::UnknownFigure { .. } => "no figure has this id".into(),
            F::NotInOriginal { .. } => "not in the original".into(),
            F::MissingInTranslation { .. } => "this version".into(),
            F::ClaimAsFact { .. } => "his claim".into(),
            _ => return None,
        })
    }

    fn help(&self) -> Option<String> {
        use CiteFinding as F;
        Some(match self {
            F::Unclosed => format!("close it with `}}`; {LITERAL_BRACE}"),
            F::StrayClose => LITERAL_BRACE.to_string(),
            F::NotAReference { suggestion, .. } => format!(
                "{}a reference is `{{value: …}}`, `{{compare: …, …}}`, `{{highest: …}}` or `{{lowest: …}}`; {LITERAL_BRACE}",
                did_you_mean(suggestion)
            ),
            F::Arguments { function, .. } | F::Argument { function, .. } => {
                usage(function).to_string()
            }
            F::UnknownTerritory {
                suggestion, known, ..
            } => format!(
                "{}the territories are `{COUNTRY}` and the regions: {}",
                did_you_mean(suggestion),
                quoted(known)
            ),
            F::UnknownIndicator { suggestion, .. } => format!(
                "{}the indicators are {}",
                did_you_mean(suggestion),
                quoted(IndicatorKind::ALL.map(IndicatorKind::slug))
            ),
            F::UnknownYear {
                indicator, years, ..
            } => format!(
                "the dataset carries `{indicator}` for {}",
                quoted(years)
            ),
            F::UnknownFigure {
                suggestion, known, ..
            } => format!(
                "{}the figures are {}",
                did_you_mean(suggestion),
                quoted(known)
            ),
            F::Incomparable { .. } => "compare two values of one kind: two percentages, two counts, two distances or two durations (a year or a date is never above another)".into(),
            F::Tie { regions, .. } => format!(
                "{} have the same value, and a text cannot name one of them: cite each region's value with `{{value: …}}` instead",
                quoted(regions)
            ),
            F::ClaimAsFact { .. } => "the context states sourced facts only: say his figure as his, in what he said (`said`), or cite a figure a source gives".into(),
            F::MissingInTranslation { .. } | F::NotInOriginal { .. } => {
                "a translation cites what its original cites, each reference as often, in any order: it says the same thing".into()
            }
        })
    }
}

/// The finding for braces that make no reference; `written` is what they enclose, braces
/// included.
fn malformed(malformed: Malformed<'_>, written: &str) -> CiteFinding {
    match malformed {
        Malformed::Unclosed => CiteFinding::Unclosed,
        Malformed::StrayClose => CiteFinding::StrayClose,
        Malformed::Function(function) => CiteFinding::NotAReference {
            written: written.to_string(),
            suggestion: closest(function, &cite::FUNCTIONS.map(String::from))
                .filter(|f| *f != function)
                .cloned(),
        },
        Malformed::Arguments { function, given } => CiteFinding::Arguments { function, given },
        Malformed::Argument { function, written } => CiteFinding::Argument {
            function,
            written: written.to_string(),
        },
    }
}

/// What a text may cite, from the files that define it: each `None` when its file did not
/// parse, and the references to it are then not checked (as ids are not).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Citable {
    territories: Option<Census>,
    /// Each figure's id, what its value measures, and whether it is the speaker's claim.
    figures: Option<BTreeMap<String, (Measure, bool)>>,
}

/// One territory's census values, by indicator and year.
type Values = BTreeMap<(IndicatorKind, i32), f64>;

/// The references of a text's version, in their written form, each with where it is;
/// `None` for a version with braces that make no reference, which is not compared.
type Written = Option<Vec<(String, Range<usize>)>>;

/// The census values of `regions.ron`, by indicator and year.
#[derive(Debug, Clone, PartialEq)]
struct Census {
    /// The country's: what exists.
    country: Values,
    /// Each region's id and values, in the file's order.
    regions: Vec<(String, Values)>,
}

impl Citable {
    /// What the files of `parsed` define.
    pub(super) fn of(territories: Option<&Territories>, figures: Option<&[Figure]>) -> Citable {
        let values = |indicators: &[crate::model::Indicator]| {
            indicators
                .iter()
                .filter(|i| i.area == crate::model::Area::Total)
                .map(|i| ((i.kind, i.year), i.value))
                .collect()
        };
        Citable {
            territories: territories.map(|t| Census {
                country: values(&t.country.indicators),
                regions: t
                    .regions
                    .iter()
                    .map(|r| (r.id.clone(), values(&r.indicators)))
                    .collect(),
            }),
            figures: figures.map(|f| {
                f.iter()
                    .map(|f| {
                        let claim = f.status == crate::model::Status::SpeakerClaim;
                        (f.id.clone(), (Measure::of_quantity(&f.value), claim))
                    })
                    .collect()
            }),
        }
    }

    /// With the territories of `regions.ron` as `territories` gives them.
    pub(super) fn with_territories(&self, territories: &Territories) -> Citable {
        let mut citable = Citable::of(Some(territories), None);
        citable.figures = self.figures.clone();
        citable
    }

    /// With the figures of `figures.ron` as `figures` gives them.
    pub(super) fn with_figures(&self, figures: &[Figure]) -> Citable {
        let mut citable = Citable::of(None, Some(figures));
        citable.territories = self.territories.clone();
        citable
    }
}

/// A text that holds braces, as [`Checker::cites`] met it: checked again when a file
/// changes what may be cited (`single::Base`).
#[derive(Debug, Clone)]
pub(super) struct CiteText {
    pub(super) file: String,
    pub(super) path: String,
    pub(super) text: Text,
}

impl Checker<'_> {
    /// Reports a finding about the bytes `range` of `version`, the string at `path`: under
    /// those bytes in the file when the string's literal can be walked to them, else under
    /// the whole string.
    fn report_within<T>(
        &mut self,
        parsed: &Parsed<T>,
        path: &str,
        range: Range<usize>,
        finding: CiteFinding,
    ) {
        let literal = self.span(parsed, path);
        let inside = literal.clone().and_then(|literal| {
            let written = self.report.text(&parsed.file)?.get(literal.clone())?;
            let start = string_offset(written, range.start)?;
            let end = string_offset(written, range.end)?;
            Some(literal.start + start..literal.start + end)
        });
        self.push(Diagnostic::new(&parsed.file, finding).at(inside.or(literal)));
    }

    /// Every reference of a data text: well formed, naming what exists, and the same in
    /// every translation as in the original.
    pub(super) fn cites<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &Text) {
        // Every text passes here: one scan for a brace, and nothing more without one.
        if !text.0.values().any(|v| cite::has_braces(v)) {
            return;
        }
        if let Some(texts) = &mut self.cite_texts {
            texts.push(CiteText {
                file: parsed.file.clone(),
                path: path.to_string(),
                text: text.clone(),
            });
        }
        let mut versions: BTreeMap<&str, Written> = BTreeMap::new();
        for (lang, version) in &text.0 {
            let at = format!("{path}.\"{lang}\"");
            let mut found = Some(Vec::new());
            for piece in cite::parse(version) {
                match piece {
                    Piece::Text(_) => {}
                    Piece::Malformed(why, span) => {
                        let finding = malformed(why, &version[span.clone()]);
                        self.report_within(parsed, &at, span, finding);
                        found = None;
                    }
                    Piece::Cite(cite, span) => {
                        self.resolve_cite(parsed, &at, version, &cite, span.clone());
                        if let Some(found) = &mut found {
                            found.push((cite.to_string(), span));
                        }
                    }
                }
            }
            versions.insert(lang, found);
        }
        self.same_cites(parsed, path, &versions);
    }

    /// The references of a text checked again against what may be cited, once a file
    /// changed it: their resolution only (their syntax and translations do not depend on
    /// it).
    pub(super) fn cites_again<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &Text) {
        for (lang, version) in &text.0 {
            let at = format!("{path}.\"{lang}\"");
            for piece in cite::parse(version) {
                if let Piece::Cite(cite, span) = piece {
                    self.resolve_cite(parsed, &at, version, &cite, span);
                }
            }
        }
    }

    /// Every translation cites what the original cites, as often.
    fn same_cites<T>(
        &mut self,
        parsed: &Parsed<T>,
        path: &str,
        versions: &BTreeMap<&str, Written>,
    ) {
        let Some(original) = self.original.clone() else {
            return;
        };
        let Some(Some(cited)) = versions.get(original.as_str()) else {
            return;
        };
        let count = |list: &[(String, Range<usize>)]| {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for (cite, _) in list {
                *counts.entry(cite.clone()).or_default() += 1;
            }
            counts
        };
        let expected = count(cited);
        for (lang, found) in versions.iter().filter(|(l, _)| **l != original) {
            let Some(found) = found else { continue };
            let at = format!("{path}.\"{lang}\"");
            let mut left = expected.clone();
            for (cite, span) in found {
                match left.get_mut(cite) {
                    Some(n) if *n > 0 => *n -= 1,
                    _ => {
                        let finding = CiteFinding::NotInOriginal {
                            lang: lang.to_string(),
                            original: original.clone(),
                            cite: cite.clone(),
                        };
                        self.report_within(parsed, &at, span.clone(), finding);
                    }
                }
            }
            for (cite, n) in left {
                for _ in 0..n {
                    let finding = CiteFinding::MissingInTranslation {
                        lang: lang.to_string(),
                        original: original.clone(),
                        cite: cite.clone(),
                    };
                    // At the start of the version: it lacks the reference as a whole.
                    self.report_within(parsed, &at, 0..0, finding);
                }
            }
        }
    }

    /// One reference against what may be cited.
    fn resolve_cite<T>(
        &mut self,
        parsed: &Parsed<T>,
        at: &str,
        version: &str,
        cite: &Cite<'_>,
        span: Range<usize>,
    ) {
        let measures: Vec<Option<Measure>> = cite
            .data()
            .into_iter()
            .map(|datum| self.datum(parsed, at, version, datum))
            .collect();
        if let [Some(first), Some(second)] = measures[..]
            && (first != second || !first.compares())
        {
            let cite = cite.to_string();
            let finding = CiteFinding::Incomparable {
                cite,
                first,
                second,
            };
            self.report_within(parsed, at, span.clone(), finding);
        }
        if let Some(series) = cite.series()
            && let Some(key) = self.series(parsed, at, version, series)
        {
            self.no_tie(parsed, at, cite, span, key);
        }
    }

    /// A cited value: what it measures, if it names what exists.
    fn datum<T>(
        &mut self,
        parsed: &Parsed<T>,
        at: &str,
        version: &str,
        datum: Datum<'_>,
    ) -> Option<Measure> {
        match datum {
            Datum::Figure(id) => {
                let figures = self.citable.figures.as_ref()?;
                if let Some(&(measure, claim)) = figures.get(id) {
                    // The context layer states sourced facts: his figures are said as his,
                    // in what he said.
                    if claim && at.starts_with(CONTEXT) {
                        let finding = CiteFinding::ClaimAsFact {
                            figure: id.to_string(),
                        };
                        let start = cite::offset_in(version, id);
                        self.report_within(parsed, at, start..start + id.len(), finding);
                    }
                    return Some(measure);
                }
                let known: Vec<String> = figures.keys().cloned().collect();
                let finding = CiteFinding::UnknownFigure {
                    value: id.to_string(),
                    suggestion: closest(id, &known).cloned(),
                    known,
                };
                let start = cite::offset_in(version, id);
                self.report_within(parsed, at, start..start + id.len(), finding);
                None
            }
            Datum::Census { territory, series } => {
                let known_territory = self.territory(parsed, at, version, territory);
                let key = self.series(parsed, at, version, series)?;
                known_territory.then(|| Measure::of_unit(key.0.unit()))
            }
        }
    }

    /// Whether `territory` is `country` or a region's id (or the regions are unknown);
    /// reports it otherwise.
    fn territory<T>(
        &mut self,
        parsed: &Parsed<T>,
        at: &str,
        version: &str,
        territory: &str,
    ) -> bool {
        let Some(census) = &self.citable.territories else {
            return true;
        };
        if territory == COUNTRY || census.regions.iter().any(|(id, _)| id == territory) {
            return true;
        }
        let known: Vec<String> = census.regions.iter().map(|(id, _)| id.clone()).collect();
        let candidates: Vec<String> = std::iter::once(COUNTRY.to_string())
            .chain(known.iter().cloned())
            .collect();
        let finding = CiteFinding::UnknownTerritory {
            value: territory.to_string(),
            suggestion: closest(territory, &candidates).cloned(),
            known,
        };
        let start = cite::offset_in(version, territory);
        self.report_within(parsed, at, start..start + territory.len(), finding);
        false
    }

    /// The indicator and year of `series`, if the indicator exists and the dataset carries
    /// it for that census year (or the census is unknown); reports them otherwise.
    fn series<T>(
        &mut self,
        parsed: &Parsed<T>,
        at: &str,
        version: &str,
        series: Series<'_>,
    ) -> Option<(IndicatorKind, i32)> {
        let Some(kind) = IndicatorKind::from_slug(series.indicator) else {
            let slugs = IndicatorKind::ALL.map(|k| k.slug().to_string());
            let finding = CiteFinding::UnknownIndicator {
                value: series.indicator.to_string(),
                suggestion: closest(series.indicator, &slugs).cloned(),
            };
            let start = cite::offset_in(version, series.indicator);
            self.report_within(parsed, at, start..start + series.indicator.len(), finding);
            return None;
        };
        let census = self.citable.territories.as_ref()?;
        let year = series.year.parse::<i32>().ok();
        match year.filter(|y| census.country.contains_key(&(kind, *y))) {
            Some(year) => Some((kind, year)),
            None => {
                let years = (census.country.keys())
                    .filter(|(k, _)| *k == kind)
                    .map(|(_, y)| *y)
                    .collect();
                let finding = CiteFinding::UnknownYear {
                    indicator: series.indicator.to_string(),
                    year: series.year.to_string(),
                    years,
                };
                let start = cite::offset_in(version, series.year);
                self.report_within(parsed, at, start..start + series.year.len(), finding);
                None
            }
        }
    }

    /// `highest` or `lowest` names one region: no other has the same value.
    fn no_tie<T>(
        &mut self,
        parsed: &Parsed<T>,
        at: &str,
        cite: &Cite<'_>,
        span: Range<usize>,
        key: (IndicatorKind, i32),
    ) {
        let Some(census) = &self.citable.territories else {
            return;
        };
        let values: Vec<(&String, f64)> = census
            .regions
            .iter()
            .filter_map(|(id, values)| Some((id, *values.get(&key)?)))
            .collect();
        let best = values.iter().map(|(_, v)| *v).reduce(match cite {
            Cite::Highest(_) => f64::max,
            _ => f64::min,
        });
        let Some(best) = best else { return };
        let tied: Vec<String> = values
            .iter()
            .filter(|(_, v)| *v == best)
            .map(|(id, _)| id.to_string())
            .collect();
        if tied.len() > 1 {
            let finding = CiteFinding::Tie {
                cite: cite.to_string(),
                regions: tied,
            };
            self.report_within(parsed, at, span, finding);
        }
    }
}
