//! RON's errors read again with the text around them, so that a person who does not program
//! is told what was written, what is expected there and what to write instead.

use super::*;

/// A number as written: digits, a sign, a decimal point.
fn number_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '_')
}

/// The number written around `at`: its text and its span.
fn number_around(text: &str, at: usize) -> (String, Range<usize>) {
    let start = text[..at].trim_end_matches(number_char).len();
    let end = at + (text[at..].len() - text[at..].trim_start_matches(number_char).len());
    (text[start..end].to_string(), start..end)
}

/// What a RON error stands for, in the words of the data, when the text around it tells:
/// the finding and the bytes to point at.
pub(super) fn plain_error(
    text: &str,
    span: &Range<usize>,
    error: &ron::Error,
) -> Option<(FileFinding, Range<usize>)> {
    let at = span.start.min(text.len());
    let rest = &text[at..];
    let previous = text[..at].chars().next_back();
    if let Some(string) = crate::ronspan::string_before(text, at)
        && text[string.clone()].contains('\n')
    {
        // A string that runs over lines: its closing quote is missing, and RON stumbles
        // on the next line.
        return Some((FileFinding::UnclosedString, string.start..string.start + 1));
    }
    if rest.starts_with('.')
        && previous.is_some_and(|c| c.is_ascii_digit())
        && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        let (written, span) = number_around(text, at);
        return Some((FileFinding::NotWhole { written }, span));
    }
    match error {
        ron::Error::IntegerOutOfBounds if previous == Some('-') || rest.starts_with('-') => {
            let (written, span) = number_around(text, at);
            Some((FileFinding::Negative { written }, span))
        }
        ron::Error::ExpectedInteger | ron::Error::ExpectedFloat if rest.starts_with('"') => {
            let end = rest[1..].find(['"', '\n']).map_or(rest.len(), |i| i + 2);
            let inside = rest[1..end].trim_end_matches('"');
            if inside.trim().parse::<f64>().is_err() {
                return None;
            }
            let written = inside.trim().to_string();
            Some((FileFinding::QuotedNumber { written }, at..at + end))
        }
        ron::Error::ExpectedString if rest.starts_with(|c: char| number_char(c)) => {
            let (written, span) = number_around(text, at);
            Some((FileFinding::NumberNotText { written }, span))
        }
        _ => None,
    }
}

/// The message of a RON error that the text around it did not explain further.
pub(super) fn parse_message(error: &ron::Error) -> String {
    use ron::Error as E;
    match error {
        E::NoSuchStructField { found, outer, .. } => match outer {
            Some(outer) => format!("unknown field `{found}` in `{outer}`"),
            None => format!("unknown field `{found}`"),
        },
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("missing field `{field}` in `{outer}`"),
            None => format!("missing field `{field}`"),
        },
        E::NoSuchEnumVariant { found, outer, .. } => match outer {
            Some(outer) => format!("unknown variant `{found}` of `{outer}`"),
            None => format!("unknown variant `{found}`"),
        },
        E::ExpectedInteger => "a whole number is expected here".into(),
        E::ExpectedFloat => "a number is expected here".into(),
        E::ExpectedString => "a text in double quotes is expected here".into(),
        E::IntegerOutOfBounds => "this number is too large for this field".into(),
        E::ExpectedIdentifier => "a field name is expected here".into(),
        E::ExpectedBoolean => "`true` or `false` is expected here".into(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

/// What to do about a RON error, if anything can be said.
pub(super) fn parse_help(error: &ron::Error) -> Option<String> {
    use ron::Error as E;
    let suggest = |found: &str, expected: &[&str]| -> String {
        let known: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
        match closest(found, &known) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("expected one of {}", quoted(expected)),
        }
    };
    Some(match error {
        E::NoSuchStructField {
            expected, found, ..
        } => suggest(found, expected),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => suggest(found, expected),
        E::MissingStructField { field, .. } => format!("add `{field}: ...` to this entry"),
        E::DuplicateStructField { field, .. } => format!("keep one `{field}`"),
        E::ExpectedComma => "separate fields and list items with commas".into(),
        E::ExpectedMap => "a text is written in every language of the dataset: {\"fr\": \"...\", \"en\": \"...\", \"ar\": \"...\"}".into(),
        E::ExpectedStringEnd => "a string is never closed: add the closing `\"`".into(),
        E::Eof => "the file ends too early: look for an unclosed `(`, `[` or `\"`".into(),
        E::ExpectedInteger => "write a whole number, with digits only, such as `12`".into(),
        E::ExpectedFloat => "write a number with a decimal point, such as `30.4`".into(),
        E::ExpectedString => "write it between double quotes: \"...\"".into(),
        E::IntegerOutOfBounds => "write a smaller whole number".into(),
        E::ExpectedIdentifier => "write each field as `name: value`, separated by commas".into(),
        E::ExpectedBoolean => "write `true` or `false`, without quotes".into(),
        E::ExpectedStructLikeEnd => {
            "close the entry with `)`; if another field follows, put a comma before it".into()
        }
        E::ExpectedArrayEnd => {
            "close the list with `]`; if another item follows, put a comma before it".into()
        }
        E::ExpectedMapEnd => {
            "close the text with `}`; if another version follows, put a comma before it".into()
        }
        E::ExpectedMapColon => "write each version as \"fr\": \"...\"".into(),
        _ => return None,
    })
}
