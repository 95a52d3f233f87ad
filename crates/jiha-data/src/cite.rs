//! Texts that cite the data: the references a data text may hold, read the one way the
//! rules ([`crate::check`]) and the briefs read them.
//!
//! ```text
//! {value: souss-massa.unemployment.2024}     a census value of a region (or of `country`)
//! {value: ict-academy-lancement}             a figure of figures.ron
//! {compare: A, B}                            above, below or level with: A against B
//! {highest: unemployment.2024}               the region with the highest value
//! {lowest: distance-to-paved-road.2024}      the region with the lowest value
//! ```
//!
//! A brace is always the start or the end of a reference in a data text; a brace printed as
//! such is written twice, `{{` or `}}`. This module only reads the syntax: whether a region,
//! an indicator, a year or a figure exists is for the rules to say, and what a reference
//! prints is for the briefs.

use std::fmt;
use std::ops::Range;

/// The word that names the nation in a census value: `country.unemployment.2024`.
pub const COUNTRY: &str = "country";

/// The functions a reference may call, as written.
pub const FUNCTIONS: [&str; 4] = ["value", "compare", "highest", "lowest"];

/// A part of a data text: text printed as written, or a reference, or braces that make no
/// reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Text printed as written (a `{{` or `}}` gives one brace).
    Text(&'t str),
    /// A reference, and where it is in the text, in bytes, its braces included.
    Cite(Cite<'t>, Range<usize>),
    /// Braces that make no reference, why, and where they are (bytes).
    Malformed(Malformed<'t>, Range<usize>),
}

/// A reference to the data, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cite<'t> {
    /// `{value: X}`: the value, as the tables print it.
    Value(Datum<'t>),
    /// `{compare: A, B}`: whether A is above, below or level with B.
    Compare(Datum<'t>, Datum<'t>),
    /// `{highest: INDICATOR.YEAR}`: the region with the highest value.
    Highest(Series<'t>),
    /// `{lowest: INDICATOR.YEAR}`: the region with the lowest value.
    Lowest(Series<'t>),
}

/// A value of the data, as written: a census value or a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Datum<'t> {
    /// `TERRITORY.INDICATOR.YEAR`: `TERRITORY` is a region's id or [`COUNTRY`].
    Census {
        territory: &'t str,
        series: Series<'t>,
    },
    /// `FIGURE`: a figure's id.
    Figure(&'t str),
}

/// One indicator in one census year, as written: `unemployment.2024`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Series<'t> {
    /// The indicator's slug ([`crate::model::IndicatorKind::slug`]).
    pub indicator: &'t str,
    /// The census year, as written.
    pub year: &'t str,
}

/// Braces that make no reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed<'t> {
    /// A `{` that nothing closes (before the end of the text, its line or the next `{`).
    Unclosed,
    /// A `}` that closes nothing.
    StrayClose,
    /// `{...}` whose function is none of [`FUNCTIONS`]: what is written before its `:`, or
    /// all of it without one.
    Function(&'t str),
    /// A function given the wrong number of values.
    Arguments {
        function: &'static str,
        given: usize,
    },
    /// A value the function does not take in that form.
    Argument {
        function: &'static str,
        written: &'t str,
    },
}

/// Whether `text` holds a brace, and so may hold a reference: the quick test.
pub fn has_braces(text: &str) -> bool {
    text.bytes().any(|b| b == b'{' || b == b'}')
}

/// The pieces of a data text, in order. Never fails: braces that make no reference are a
/// [`Piece::Malformed`], which the rules report.
pub fn parse<'t>(text: &'t str) -> Vec<Piece<'t>> {
    let mut pieces = Vec::new();
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    let flush = |pieces: &mut Vec<Piece<'t>>, from: usize, to: usize| {
        if from < to {
            pieces.push(Piece::Text(&text[from..to]));
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b @ (b'{' | b'}') if bytes.get(i + 1) == Some(&b) => {
                // A brace written twice is one brace, printed.
                flush(&mut pieces, start, i + 1);
                i += 2;
                start = i;
            }
            b'}' => {
                flush(&mut pieces, start, i);
                pieces.push(Piece::Malformed(Malformed::StrayClose, i..i + 1));
                i += 1;
                start = i;
            }
            b'{' => {
                flush(&mut pieces, start, i);
                let inner = &text[i + 1..];
                let close = inner
                    .find(['}', '{', '\n'])
                    .filter(|&at| inner[at..].starts_with('}'));
                match close {
                    Some(close) => {
                        let end = i + 1 + close + 1;
                        let span = i..end;
                        pieces.push(match cite(&inner[..close]) {
                            Ok(cite) => Piece::Cite(cite, span),
                            Err(malformed) => Piece::Malformed(malformed, span),
                        });
                        i = end;
                    }
                    None => {
                        pieces.push(Piece::Malformed(Malformed::Unclosed, i..i + 1));
                        i += 1;
                    }
                }
                start = i;
            }
            _ => i += 1,
        }
    }
    flush(&mut pieces, start, text.len());
    pieces
}

/// The reference written between braces.
fn cite<'t>(inner: &'t str) -> Result<Cite<'t>, Malformed<'t>> {
    let Some((name, arguments)) = inner.split_once(':') else {
        return Err(Malformed::Function(inner.trim()));
    };
    let name = name.trim();
    let Some(&function) = FUNCTIONS.iter().find(|f| **f == name) else {
        return Err(Malformed::Function(name));
    };
    let values: Vec<&str> = arguments.split(',').map(str::trim).collect();
    let expected = if function == "compare" { 2 } else { 1 };
    let given = values.iter().filter(|v| !v.is_empty()).count();
    if values.len() != expected || given != expected {
        return Err(Malformed::Arguments { function, given });
    }
    let datum = |written: &'t str| datum(written).ok_or(Malformed::Argument { function, written });
    let series =
        |written: &'t str| series(written).ok_or(Malformed::Argument { function, written });
    Ok(match function {
        "value" => Cite::Value(datum(values[0])?),
        "compare" => Cite::Compare(datum(values[0])?, datum(values[1])?),
        "highest" => Cite::Highest(series(values[0])?),
        _ => Cite::Lowest(series(values[0])?),
    })
}

/// `TERRITORY.INDICATOR.YEAR` or `FIGURE`.
fn datum(written: &str) -> Option<Datum<'_>> {
    let parts: Vec<&str> = written.split('.').collect();
    if !parts.iter().all(|p| is_name(p)) {
        return None;
    }
    match parts[..] {
        [figure] => Some(Datum::Figure(figure)),
        [territory, indicator, year] => Some(Datum::Census {
            territory,
            series: Series { indicator, year },
        }),
        _ => None,
    }
}

/// `INDICATOR.YEAR`.
fn series(written: &str) -> Option<Series<'_>> {
    match written.split('.').collect::<Vec<_>>()[..] {
        [indicator, year] if is_name(indicator) && is_name(year) => {
            Some(Series { indicator, year })
        }
        _ => None,
    }
}

/// A part of a value: not empty, no space, no punctuation of the syntax. Whether it names
/// something is for the rules to say (a misspelt id gets a suggestion there).
fn is_name(part: &str) -> bool {
    !part.is_empty()
        && !part
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '{' | '}' | ':' | ',' | '.'))
}

impl fmt::Display for Series<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.indicator, self.year)
    }
}

impl fmt::Display for Datum<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Datum::Census { territory, series } => write!(f, "{territory}.{series}"),
            Datum::Figure(id) => f.write_str(id),
        }
    }
}

/// The reference in its one written form, `{compare: a.b.2024, c}`: how translations are
/// compared with their original, and how messages quote it.
impl fmt::Display for Cite<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cite::Value(d) => write!(f, "{{value: {d}}}"),
            Cite::Compare(a, b) => write!(f, "{{compare: {a}, {b}}}"),
            Cite::Highest(s) => write!(f, "{{highest: {s}}}"),
            Cite::Lowest(s) => write!(f, "{{lowest: {s}}}"),
        }
    }
}

impl<'t> Cite<'t> {
    /// The values it cites, in order.
    pub fn data(&self) -> Vec<Datum<'t>> {
        match *self {
            Cite::Value(d) => vec![d],
            Cite::Compare(a, b) => vec![a, b],
            Cite::Highest(_) | Cite::Lowest(_) => Vec::new(),
        }
    }

    /// The series it ranks the regions by, for `highest` and `lowest`.
    pub fn series(&self) -> Option<Series<'t>> {
        match *self {
            Cite::Highest(s) | Cite::Lowest(s) => Some(s),
            Cite::Value(_) | Cite::Compare(..) => None,
        }
    }
}

/// Where `part`, a slice of `text`, starts in it, in bytes.
pub fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cites(text: &str) -> Vec<String> {
        parse(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Cite(c, _) => Some(c.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn references_are_read_in_one_form() {
        let text = "Taux {value:souss-massa.unemployment.2024}, {compare:  a.b.2024 ,c } ; \
                    {highest: population.2024} {lowest: x.2014} {value: spark-lancement}";
        assert_eq!(
            cites(text),
            [
                "{value: souss-massa.unemployment.2024}",
                "{compare: a.b.2024, c}",
                "{highest: population.2024}",
                "{lowest: x.2014}",
                "{value: spark-lancement}",
            ]
        );
        let pieces = parse("a {value: x} b");
        assert_eq!(pieces[0], Piece::Text("a "));
        assert!(matches!(pieces[1], Piece::Cite(_, ref span) if *span == (2..12)));
        assert_eq!(pieces[2], Piece::Text(" b"));
    }

    #[test]
    fn braces_written_twice_are_printed_once() {
        let printed: String = parse("{{x}} et }}{{")
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(printed, "{x} et }{");
    }

    #[test]
    fn braces_that_make_no_reference_are_found_with_why() {
        fn malformed(text: &str) -> Vec<(Malformed<'_>, Range<usize>)> {
            parse(text)
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Malformed(m, span) => Some((m, span)),
                    _ => None,
                })
                .collect()
        }
        assert_eq!(malformed("a {value: x"), [(Malformed::Unclosed, 2..3)]);
        assert_eq!(
            malformed("a {value: x {value: y}"),
            [(Malformed::Unclosed, 2..3)]
        );
        assert_eq!(malformed("a } b"), [(Malformed::StrayClose, 2..3)]);
        assert_eq!(malformed("{high}"), [(Malformed::Function("high"), 0..6)]);
        assert_eq!(
            malformed("{valeur: x}"),
            [(Malformed::Function("valeur"), 0..11)]
        );
        assert_eq!(
            malformed("{compare: a.b.2024}"),
            [(
                Malformed::Arguments {
                    function: "compare",
                    given: 1
                },
                0..19
            )]
        );
        assert_eq!(
            malformed("{value: a.b}"),
            [(
                Malformed::Argument {
                    function: "value",
                    written: "a.b"
                },
                0..12
            )]
        );
        assert_eq!(
            malformed("{highest: oriental.unemployment.2024}"),
            [(
                Malformed::Argument {
                    function: "highest",
                    written: "oriental.unemployment.2024"
                },
                0..37
            )]
        );
        assert_eq!(
            malformed("{value: }"),
            [(
                Malformed::Arguments {
                    function: "value",
                    given: 0
                },
                0..9
            )]
        );
        assert_eq!(malformed("x {\n}").len(), 2);
    }

    #[test]
    fn a_part_is_located_in_its_text() {
        let text = "é {value: souss-massa.unemployment.2024}";
        let pieces = parse(text);
        let Piece::Cite(Cite::Value(Datum::Census { territory, .. }), _) = &pieces[1] else {
            panic!("{pieces:?}")
        };
        assert_eq!(offset_in(text, territory), 11);
    }
}
