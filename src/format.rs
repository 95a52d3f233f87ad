//! How a language writes text, numbers and dates: the one place that decides it.
//!
//! Every format gets its text from here, already typeset: no-break spaces are characters,
//! not markup. The conventions come from the language's label catalogue (`labels/<lang>.ron`:
//! `numbers`, `dates`, `writing`); no code here compares language tags.

use jiha_data::checked::{Date, Dates, Direction, Labels, Numbers, PlaceNames, Writing};

/// No-break space: before `:` and `%` in French, inside `« »`.
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space: before `;`, `!` and `?` in French.
pub const NNBSP: char = '\u{202f}';
/// Left-to-right isolate and its end (LRI ... PDI): a number in right-to-left text keeps its
/// sign before it and its percent sign after it, as it does in a drawing.
pub const LRI: char = '\u{2066}';
/// Pop directional isolate: ends an [`LRI`].
pub const PDI: char = '\u{2069}';

/// Each run of Latin script in right-to-left text, isolated left to right (LRI ... PDI), so
/// that it reads as one unit in its place: « Spark « pas » » keeps its quotation marks around
/// « pas », « Maroc Diplomatique، 28 » does not pull the 28 into the Latin, a list « P2، P3 »
/// stays in the Arabic order. A run starts at a Latin letter, or at a « whose text is Latin;
/// it holds Latin letters, digits and the punctuation inside names and French phrases, and
/// ends on a letter, a digit, its closing » or French spaced punctuation. Placeholders
/// (`{speaker}`) and text already isolated or embedded are left as they are.
fn isolate_latin(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = kept_whole(&chars, i) {
            out.extend(&chars[i..end]);
            i = end;
        } else if let Some((start, stop, end)) = latin_run(&chars, i) {
            out.extend(&chars[i..start]);
            if start < stop {
                out.push(LRI);
                out.extend(&chars[start..stop]);
                out.push(PDI);
            }
            out.extend(&chars[stop..end]);
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn is_latin(c: char) -> bool {
    c.is_alphabetic() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | NBSP | NNBSP)
}

/// Where what starts at `i` ends, when it passes through whole: text already isolated or
/// embedded (to its matching close), a placeholder (to its `}`).
fn kept_whole(chars: &[char], i: usize) -> Option<usize> {
    let (opens, close): (&[char], char) = match chars[i] {
        '\u{2066}'..='\u{2068}' => (&['\u{2066}', '\u{2067}', '\u{2068}'], '\u{2069}'),
        '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => (
            &['\u{202a}', '\u{202b}', '\u{202d}', '\u{202e}'],
            '\u{202c}',
        ),
        '{' => (&['{'], '}'),
        _ => return None,
    };
    let mut depth = 0;
    for (k, &c) in chars.iter().enumerate().skip(i) {
        if opens.contains(&c) {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(k + 1);
            }
        }
    }
    Some(chars.len())
}

/// The Latin run that starts at `i`, if one does: `(start, stop, end)`, where `start..stop`
/// is what to isolate and `end` where the run's characters end (a guillemet without its pair
/// and the spaces beside it stay outside the isolate).
fn latin_run(chars: &[char], i: usize) -> Option<(usize, usize, usize)> {
    let quoted_latin = chars[i] == '«'
        && (chars[i + 1..].iter().find(|&&d| !is_space(d))).is_some_and(|&d| is_latin(d));
    if !(is_latin(chars[i]) || quoted_latin) {
        return None;
    }
    let inside = |c: char| {
        is_latin(c)
            || c.is_ascii_digit()
            || is_space(c)
            || matches!(
                c,
                '-' | '\''
                    | '’'
                    | '.'
                    | ','
                    | ':'
                    | '/'
                    | '&'
                    | '+'
                    | '«'
                    | '»'
                    | '?'
                    | '!'
                    | '\u{300}'..='\u{36f}'
            )
    };
    // It ends well on a letter, a digit, a closing guillemet, or French punctuation after
    // its no-break space.
    let ends_well = |k: usize| {
        let d = chars[k - 1];
        is_latin(d)
            || d.is_ascii_digit()
            || d == '»'
            || (matches!(d, '?' | '!' | ':' | ';')
                && k >= 2
                && matches!(chars[k - 2], NBSP | NNBSP))
    };
    let mut end = i + chars[i..].iter().take_while(|&&c| inside(c)).count();
    while end > i + 1 && !ends_well(end) {
        end -= 1;
    }
    let run = &chars[i..end];
    let opened = run.iter().filter(|&&d| d == '«').count();
    let closed = run.iter().filter(|&&d| d == '»').count();
    let (mut start, mut stop) = (i, end);
    if opened > closed && chars[start] == '«' {
        start += 1 + chars[start + 1..end]
            .iter()
            .take_while(|&&c| is_space(c))
            .count();
    } else if closed > opened && chars[stop - 1] == '»' {
        stop -= 1;
        stop -= chars[start..stop]
            .iter()
            .rev()
            .take_while(|&&c| is_space(c))
            .count();
    }
    Some((start, stop, end))
}

/// French typography, for French text whatever the edition (the titles of French
/// publications): typographic apostrophes, ordinals with superscript letters (`2ᵉ`, `1ʳᵉ`,
/// `1ᵉʳ`), no-break spaces before high punctuation and inside guillemets.
pub fn french(text: &str) -> String {
    let text = superscript_ordinals(text);
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            '\'' => out.push('’'),
            ' ' if matches!(next, Some(':' | '»')) => out.push(NBSP),
            ' ' if matches!(next, Some(';' | '!' | '?')) => out.push(NNBSP),
            ' ' if i > 0 && chars[i - 1] == '«' => out.push(NBSP),
            _ => out.push(c),
        }
    }
    out
}

/// `2e`, `1re`, `1er` as French prints them: `2ᵉ`, `1ʳᵉ`, `1ᵉʳ`.
fn superscript_ordinals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        out.push(chars[i]);
        match ordinal_suffix(&chars, i) {
            Some((superscript, len)) => {
                out.push_str(superscript);
                i += 1 + len;
            }
            None => i += 1,
        }
    }
    out
}

/// The abbreviated ordinal ending after the digit at `i`, in superscript letters, and its
/// length: `e`, `re`, `er`, `es`, `res`, `ers`, written after a number that stands alone
/// and followed by no letter (`2e édition`, `1re`; not `0x2e` nor `2est`).
fn ordinal_suffix(chars: &[char], i: usize) -> Option<(&'static str, usize)> {
    if !chars[i].is_ascii_digit() || chars.get(i + 1).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let mut start = i;
    while start > 0 && chars[start - 1].is_ascii_digit() {
        start -= 1;
    }
    if start > 0 && chars[start - 1].is_alphanumeric() {
        return None;
    }
    let rest: String = chars[i + 1..].iter().take(4).collect();
    [
        ("res", "ʳᵉˢ"),
        ("ers", "ᵉʳˢ"),
        ("re", "ʳᵉ"),
        ("er", "ᵉʳ"),
        ("es", "ᵉˢ"),
        ("e", "ᵉ"),
    ]
    .into_iter()
    .find(|(written, _)| {
        rest.starts_with(written)
            && !chars
                .get(i + 1 + written.len())
                .is_some_and(|c| c.is_alphanumeric())
    })
    .map(|(written, superscript)| (superscript, written.len()))
}

/// The writing conventions of one language, all from its catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Locale<'a> {
    /// BCP 47 tag: which version of each text to take.
    pub lang: &'a str,
    numbers: &'a Numbers,
    dates: &'a Dates,
    months: &'a [String],
    writing: &'a Writing,
}

impl<'a> Locale<'a> {
    /// The conventions of `lang`, from its catalogue.
    pub fn new(lang: &'a str, labels: &'a Labels) -> Locale<'a> {
        Locale {
            lang,
            numbers: &labels.numbers,
            dates: &labels.dates,
            months: &labels.months,
            writing: &labels.writing,
        }
    }

    /// The colon, with the space the language puts before it.
    pub fn colon(&self) -> &'a str {
        &self.writing.colon
    }

    /// The semicolon, likewise.
    pub fn semicolon(&self) -> &'a str {
        &self.writing.semicolon
    }

    /// Between the items of a list.
    pub fn comma(&self) -> &'a str {
        &self.writing.comma
    }

    /// Whether the language is written right to left.
    pub fn rtl(&self) -> bool {
        self.writing.direction == Direction::Rtl
    }

    /// Which of HCP's names the edition gives places.
    pub fn place_names(&self) -> PlaceNames {
        self.writing.place_names
    }

    /// `text` between the language's quotation marks, typeset.
    pub fn quote(&self, text: &str) -> String {
        let (open, close) = &self.writing.quotes;
        self.typo(&format!("{open}{text}{close}"))
    }

    /// Typesets prose as the language sets it: typographic apostrophes, ordinals, no-break
    /// spaces before high punctuation and inside guillemets.
    pub fn typo(&self, text: &str) -> String {
        let w = self.writing;
        let ordinals;
        let text = if w.superscript_ordinals {
            ordinals = superscript_ordinals(text);
            &ordinals
        } else {
            text
        };
        let mut out = String::with_capacity(text.len() + 8);
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            let after_guillemet = i > 0 && chars[i - 1] == '«';
            match c {
                '\'' if w.curly_apostrophe => out.push('’'),
                ' ' if w.spaced_punctuation && next == Some(':') => out.push(NBSP),
                ' ' if w.spaced_punctuation && matches!(next, Some(';' | '!' | '?')) => {
                    out.push(NNBSP)
                }
                ' ' if w.spaced_guillemets && (after_guillemet || next == Some('»')) => {
                    out.push(NBSP)
                }
                _ => out.push(c),
            }
        }
        if self.rtl() { isolate_latin(&out) } else { out }
    }

    /// `4030222` -> `4 030 222` in French, `4,030,222` in English.
    pub fn integer(&self, value: u64) -> String {
        let digits = value.to_string();
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(&self.numbers.group);
            }
            out.push(d);
        }
        out
    }

    /// A number as one left-to-right unit in a right-to-left language (`−4,0`, `30,4 %`
    /// would otherwise print `4,0−`, `% 30,4`); unchanged in a left-to-right one. Every format
    /// gets the same characters: a browser, Typst and a terminal all honour the isolate.
    fn number(&self, text: String) -> String {
        self.left_to_right(text)
    }

    /// `text` as one left-to-right unit in a right-to-left language (a proposal's number,
    /// `P9`, so that « P9. Spark » and « P2، P3 » keep the Arabic order); unchanged in a
    /// left-to-right one.
    pub fn left_to_right(&self, text: String) -> String {
        if self.rtl() {
            format!("{LRI}{text}{PDI}")
        } else {
            text
        }
    }

    /// `30.4` -> `30,4` in French, with `decimals` digits after the separator; a negative
    /// number is isolated in a right-to-left language (see [`Locale::number`]).
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        let text = self.bare_decimal(value, decimals);
        if text.starts_with('−') {
            self.number(text)
        } else {
            text
        }
    }

    /// [`Locale::decimal`], never isolated: what the other numbers are made of.
    fn bare_decimal(&self, value: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::new();
        if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            out.push('−');
        }
        out.push_str(&self.integer(whole.parse().unwrap_or(0)));
        if !fraction.is_empty() {
            out.push_str(&self.numbers.decimal);
            out.push_str(fraction);
        }
        out
    }

    /// `30.4` -> `30,4 %` in French, `30.4%` in English.
    pub fn percent(&self, value: f64) -> String {
        self.number(format!(
            "{}{}",
            self.bare_decimal(value, 1),
            self.numbers.percent
        ))
    }

    /// A percentage as its source gives it: `60 %`, not `60,0 %`.
    pub fn percent_as_given(&self, value: f64) -> String {
        let decimals = if value.fract() == 0.0 { 0 } else { 1 };
        self.number(format!(
            "{}{}",
            self.bare_decimal(value, decimals),
            self.numbers.percent
        ))
    }

    /// A signed difference: `+9,1 pt`, `−0,4 %`; `unit` follows a no-break space, outside
    /// the isolate of a right-to-left language (a word of that language reads after the
    /// number, from the right).
    pub fn signed(&self, value: f64, decimals: usize, unit: &str) -> String {
        format!(
            "{}{NBSP}{unit}",
            self.number(self.bare_signed(value, decimals))
        )
    }

    /// The sign and the number of [`Locale::signed`], not isolated.
    fn bare_signed(&self, value: f64, decimals: usize) -> String {
        let rounded = format!("{:.*}", decimals, value);
        let sign = if rounded
            .trim_start_matches('-')
            .chars()
            .all(|c| c == '0' || c == '.')
        {
            "±"
        } else if value > 0.0 {
            "+"
        } else {
            ""
        };
        format!("{sign}{}", self.bare_decimal(value, decimals))
    }

    /// A signed percentage change, in the language's percent style, isolated whole.
    pub fn signed_percent(&self, value: f64) -> String {
        self.number(format!(
            "{}{}",
            self.bare_signed(value, 1),
            self.numbers.percent
        ))
    }

    /// `2019-10-22` -> `22 octobre 2019`; `2021-12` -> `décembre 2021`; `2024` -> `2024`.
    /// A catalogue without the date's month (`check` refuses one) leaves it as digits.
    pub fn date(&self, date: Date) -> String {
        let year = format!("{:04}", date.year());
        let Some(month) = date.month() else {
            return year;
        };
        let Some(name) = self.months.get(month as usize - 1) else {
            return date.to_string();
        };
        match date.day() {
            None => fill(&self.dates.month_year, &[("month", name), ("year", &year)]),
            Some(day) => {
                let day = if day == 1 {
                    self.dates.first_day.clone()
                } else {
                    day.to_string()
                };
                fill(
                    &self.dates.day_month_year,
                    &[("day", &day), ("month", name), ("year", &year)],
                )
            }
        }
    }
}

/// Fills the `{name}` placeholders of a label, in one pass over the label: a value put in
/// is never read again, so a data text that happens to contain `{high}` stays as written. A
/// placeholder with no value is left as it is.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = values.iter().find(|(n, _)| *n == name)?.1;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_never_filled_in_again() {
        let label = "{name}: {low} to {high}";
        let values = [("name", "Ville {high}"), ("low", "1"), ("high", "9")];
        assert_eq!(fill(label, &values), "Ville {high}: 1 to 9");
        assert_eq!(fill("{unknown} {name", &values), "{unknown} {name");
        assert_eq!(fill("{{name}}", &values), "{Ville {high}}");
        assert_eq!(fill("é{name}ü", &[("name", "à")]), "éàü");
    }

    fn date(text: &str) -> Date {
        jiha_data::check::parse_date(text).expect("a valid date")
    }

    fn with<T>(lang: &str, test: impl FnOnce(Locale) -> T) -> T {
        let (decimal, group, percent, first) = match lang {
            "en" => (".", ",", "%", "1"),
            "ar" => (",", ".", "\u{a0}%", "1"),
            _ => (",", "\u{202f}", "\u{a0}%", "1er"),
        };
        let numbers = Numbers {
            decimal: decimal.into(),
            group: group.into(),
            percent: percent.into(),
        };
        let dates = Dates {
            day_month_year: "{day} {month} {year}".into(),
            month_year: "{month} {year}".into(),
            first_day: first.into(),
        };
        let months: Vec<String> = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ]
        .map(String::from)
        .to_vec();
        let french = lang == "fr";
        let writing = Writing {
            direction: if lang == "ar" {
                Direction::Rtl
            } else {
                Direction::Ltr
            },
            colon: if french { "\u{a0}:" } else { ":" }.into(),
            semicolon: if french { "\u{202f};" } else { ";" }.into(),
            comma: ", ".into(),
            curly_apostrophe: true,
            spaced_punctuation: french,
            spaced_guillemets: french,
            superscript_ordinals: french,
            place_names: PlaceNames::French,
            quotes: ("« ".into(), " »".into()),
        };
        test(Locale {
            lang,
            numbers: &numbers,
            dates: &dates,
            months: &months,
            writing: &writing,
        })
    }

    #[test]
    fn numbers_follow_each_language() {
        with("fr", |l| {
            assert_eq!(l.integer(4_030_222), "4\u{202f}030\u{202f}222");
            assert_eq!(l.integer(999), "999");
            assert_eq!(l.percent(30.4), "30,4\u{a0}%");
            assert_eq!(l.percent_as_given(60.0), "60\u{a0}%");
            assert_eq!(l.signed(9.1, 1, "pt"), "+9,1\u{a0}pt");
            assert_eq!(l.signed(-0.86, 1, "%"), "−0,9\u{a0}%");
            assert_eq!(l.signed(0.01, 1, "pt"), "±0,0\u{a0}pt");
        });
        with("en", |l| {
            assert_eq!(l.integer(4_030_222), "4,030,222");
            assert_eq!(l.percent(30.4), "30.4%");
            assert_eq!(l.signed_percent(-0.86), "−0.9%");
        });
    }

    #[test]
    fn numbers_in_right_to_left_text_are_isolated_left_to_right() {
        with("ar", |l| {
            // Digits alone keep their order; a sign, a percent sign or a minus would not.
            assert_eq!(l.integer(4_030_222), "4.030.222");
            assert_eq!(l.decimal(30.4, 1), "30,4");
            assert_eq!(l.decimal(-4.0, 1), "\u{2066}−4,0\u{2069}");
            assert_eq!(l.percent(30.4), "\u{2066}30,4\u{a0}%\u{2069}");
            assert_eq!(l.percent_as_given(60.0), "\u{2066}60\u{a0}%\u{2069}");
            assert_eq!(l.signed(9.1, 1, "نقطة"), "\u{2066}+9,1\u{2069}\u{a0}نقطة");
            assert_eq!(l.signed(-4.0, 1, "نقطة"), "\u{2066}−4,0\u{2069}\u{a0}نقطة");
            assert_eq!(l.signed_percent(-0.86), "\u{2066}−0,9\u{a0}%\u{2069}");
        });
        with("fr", |l| {
            assert_eq!(l.decimal(-4.0, 1), "−4,0");
            assert_eq!(l.signed_percent(2.0), "+2,0\u{a0}%");
        });
    }

    #[test]
    fn french_titles_get_french_typography_in_every_edition() {
        assert_eq!(
            french("la 2e édition, la 1re, le 1er juin, les 3es : d'administration « x »"),
            "la 2ᵉ édition, la 1ʳᵉ, le 1ᵉʳ juin, les 3ᵉˢ\u{a0}: d’administration «\u{a0}x\u{a0}»"
        );
        assert_eq!(french("0x2e 2est 12e, 2e-3e"), "0x2e 2est 12ᵉ, 2ᵉ-3ᵉ");
    }

    #[test]
    fn dates_are_written_out() {
        with("fr", |l| {
            assert_eq!(l.date(date("2019-10-22")), "22 octobre 2019");
            assert_eq!(l.date(date("2021-12")), "décembre 2021");
            assert_eq!(l.date(date("2022-07-01")), "1er juillet 2022");
            assert_eq!(l.date(date("2024")), "2024");
        });
    }

    #[test]
    fn latin_runs_in_right_to_left_text_are_isolated() {
        let (i, o) = (LRI, PDI);
        with("ar", |l| {
            // A French word quoted after a Latin name keeps its own quotation marks.
            assert_eq!(
                l.typo("إن Spark « pas » (ليس)"),
                format!("إن {i}Spark « pas »{o} (ليس)")
            );
            // A number after a Latin name stays with the Arabic.
            assert_eq!(
                l.typo("Maroc Diplomatique، 28 يونيو"),
                format!("{i}Maroc Diplomatique{o}، 28 يونيو")
            );
            // The end of the sentence is the Arabic sentence's.
            assert_eq!(
                l.typo("شبكة MARWAN. [14]"),
                format!("شبكة {i}MARWAN{o}. [14]")
            );
            // A quotation mark without its pair stays outside; so do placeholders and what
            // is already isolated.
            assert_eq!(l.typo("« ICT Academy"), format!("« {i}ICT Academy{o}"));
            assert_eq!(l.typo("ما يقوله {speaker}"), "ما يقوله {speaker}");
            let isolated = format!("{i}Pourquoi pas ?{o} قال");
            assert_eq!(l.typo(&isolated), isolated);
            assert_eq!(l.typo("جهة"), "جهة");
        });
        with("fr", |l| {
            assert_eq!(l.typo("Spark « pas »"), "Spark «\u{a0}pas\u{a0}»")
        });
    }

    #[test]
    fn french_prose_gets_no_break_spaces() {
        with("fr", |l| {
            assert_eq!(
                l.typo("l'orateur : « oui » ; non ? https://x.ma"),
                "l’orateur\u{a0}: «\u{a0}oui\u{a0}»\u{202f}; non\u{202f}? https://x.ma"
            );
            assert_eq!(l.typo("MD Talks, 2e édition"), "MD Talks, 2ᵉ édition");
        });
        with("en", |l| {
            assert_eq!(l.typo("the speaker's : x"), "the speaker’s : x");
            assert_eq!(l.typo("la 2e édition"), "la 2e édition");
        });
    }
}
