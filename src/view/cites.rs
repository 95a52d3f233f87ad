//! Data texts as the briefs print them: the one place where their references to the data
//! (`{value: …}`, `{compare: …}`, `{highest: …}`, `{lowest: …}`; [`jiha_data::cite`]) are
//! filled in, before any format escapes them. A census value's territory is the country, a
//! region or a province. Label templates keep their own placeholders
//! ([`fill`]); a data text never goes through `fill` as a template.

use std::cmp::Ordering;

use jiha_data::cite::{self, COUNTRY, Cite, Datum, Piece, Series};

use super::*;

/// A cited value: how the briefs print it, the number it is compared by, and its source.
struct CitedValue {
    printed: String,
    /// The value as printed, in units of its last printed digit (`30.4` % is `304`): two
    /// values are level when they print alike. `None` for a year or a date.
    rounded: Option<i64>,
    source: SourceRef,
}

/// `value` in units of its last printed digit, with `decimals` digits printed.
fn rounded(value: f64, decimals: i32) -> i64 {
    (value * 10f64.powi(decimals)).round() as i64
}

impl<'a> Views<'a> {
    /// A data text in this edition's language, its references filled in and the rest
    /// typeset: the one way a text of the data reaches a brief.
    pub(super) fn text(&self, text: &Text) -> String {
        let version = text.get(self.locale.lang);
        if !cite::has_braces(version) {
            return self.locale.typo(version);
        }
        let mut out = String::with_capacity(version.len() + 16);
        for piece in cite::parse(version) {
            let printed = match piece {
                Piece::Text(text) => Some(self.locale.typo(text)),
                Piece::Cite(cite, _) => self.cite(&cite),
                Piece::Malformed(..) => None,
            };
            match printed {
                Some(printed) => out.push_str(&printed),
                // `check` refuses what cannot be filled in; a text it let through is
                // printed as written rather than lost.
                None => {
                    debug_assert!(false, "a reference check let through, in {version:?}");
                    return self.locale.typo(version);
                }
            }
        }
        out
    }

    /// What a reference prints: a value, a comparison's word, a region's name.
    fn cite(&self, cite: &Cite<'_>) -> Option<String> {
        let l = &self.labels;
        Some(match cite {
            Cite::Value(datum) => self.datum(datum)?.printed,
            Cite::Compare(a, b) => {
                let (a, b) = (self.datum(a)?.rounded?, self.datum(b)?.rounded?);
                match a.cmp(&b) {
                    Ordering::Greater => l.compare_above.clone(),
                    Ordering::Less => l.compare_below.clone(),
                    Ordering::Equal => l.compare_level.clone(),
                }
            }
            Cite::Highest(series) => self.region_name(self.extreme(series)?.1).to_string(),
            Cite::Lowest(series) => self.region_name(self.extreme(series)?.0).to_string(),
        })
    }

    /// The census a series names.
    fn series_census(&self, series: &Series<'_>) -> Option<&'a Census> {
        let kind = IndicatorKind::from_slug(series.indicator)?;
        let year = series.year.parse().ok()?;
        self.dataset.territories().census(kind, year)
    }

    /// The regions with the lowest and the highest value of a series.
    fn extreme(&self, series: &Series<'_>) -> Option<(&'a Region, &'a Region)> {
        let census = self.series_census(series)?;
        let [(low, _), (high, _)] = self.census_values(census).extremes()?;
        Some((low, high))
    }

    /// A cited value, printed by the code that prints it in the tables.
    fn datum(&self, datum: &Datum<'_>) -> Option<CitedValue> {
        match datum {
            Datum::Census { territory, series } => {
                let kind = IndicatorKind::from_slug(series.indicator)?;
                let value = match self.dataset.provinces().iter().find(|p| p.id == *territory) {
                    Some(province) => province.value(
                        kind,
                        jiha_data::checked::Area::Total,
                        series.year.parse().ok()?,
                    ),
                    None => {
                        let census = self.series_census(series)?;
                        Some(if *territory == COUNTRY {
                            &census.national
                        } else {
                            census.region(self.region(territory)?.key)
                        })
                    }
                }?;
                let decimals = match kind.unit() {
                    Unit::Count => 0,
                    Unit::Percent | Unit::Kilometres => 1,
                };
                Some(CitedValue {
                    printed: self.indicator_value(kind, value.value),
                    rounded: Some(rounded(value.value, decimals)),
                    source: value.source,
                })
            }
            Datum::Figure(id) => {
                let figure = self.dataset.figures().iter().find(|f| f.id == *id)?;
                let rounded = match &figure.value {
                    Quantity::Count(n) => i64::try_from(*n).ok(),
                    Quantity::Years(n) => Some(i64::from(*n)),
                    Quantity::Percent(v) | Quantity::Kilometres(v) => Some(rounded(*v, 1)),
                    Quantity::Year(_) | Quantity::Date(_) => None,
                };
                Some(CitedValue {
                    printed: self.figure_value(&figure.value),
                    rounded,
                    source: figure.source,
                })
            }
        }
    }

    /// The sources of the values `text` cites (the same in every language), to cite in the
    /// brief that prints it.
    pub(super) fn cited_sources(&self, text: &Text) -> Vec<SourceRef> {
        let version = text.get(&self.dataset.meta().original);
        let mut sources = Vec::new();
        for piece in cite::parse(version) {
            let Piece::Cite(cite, _) = piece else {
                continue;
            };
            for datum in cite.data() {
                sources.extend(self.datum(&datum).map(|v| v.source));
            }
            if let Some(series) = cite.series()
                && let (Some(census), Some((low, high))) =
                    (self.series_census(&series), self.extreme(&series))
            {
                let region = if matches!(cite, Cite::Highest(_)) {
                    high
                } else {
                    low
                };
                sources.push(census.region(region.key).source);
            }
        }
        sources
    }
}
