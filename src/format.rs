//! French typography, numbers and dates: the one place that decides how a value is written.
//!
//! Every format (HTML, and the formats to come) gets its text from here, already typeset:
//! no-break spaces are characters, not markup.

/// No-break space: before `:` and `%`, inside `« »`.
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space: thousands separator, before `;`, `!` and `?`.
pub const NNBSP: char = '\u{202f}';

/// Typesets French prose: typographic apostrophe, no-break spaces before high punctuation and
/// inside guillemets.
pub fn typo(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            '\'' => out.push('’'),
            ' ' if matches!(next, Some(':')) || matches!(next, Some('»')) => out.push(NBSP),
            ' ' if matches!(next, Some(';' | '!' | '?')) => out.push(NNBSP),
            ' ' if i > 0 && chars[i - 1] == '«' => out.push(NBSP),
            _ => out.push(c),
        }
    }
    out
}

/// `4030222` -> `4 030 222` (narrow no-break spaces).
pub fn integer(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(NNBSP);
        }
        out.push(d);
    }
    out
}

/// `30.4` -> `30,4`, with `decimals` digits after the comma and grouped thousands.
pub fn decimal(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('−');
    }
    out.push_str(&integer(whole.parse().unwrap_or(0)));
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// `30.4` -> `30,4 %`.
pub fn percent(value: f64) -> String {
    format!("{}{NBSP}%", decimal(value, 1))
}

/// A signed difference: `+9,1 pts`, `−0,4 %`; `unit` follows a no-break space.
pub fn signed(value: f64, decimals: usize, unit: &str) -> String {
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
    format!("{sign}{}{NBSP}{unit}", decimal(value, decimals))
}

const MONTHS: [&str; 12] = [
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
];

/// `2019-10-22` -> `22 octobre 2019`; `2021-12` -> `décembre 2021`; `2024` -> `2024`.
/// Dates reach here checked; anything else is returned as it is.
pub fn date(text: &str) -> String {
    let parts: Vec<&str> = text.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
    };
    match parts.as_slice() {
        [year] => (*year).to_string(),
        [year, m] => match month(m) {
            Some(name) => format!("{name} {year}"),
            None => text.to_string(),
        },
        [year, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(name), Ok(1)) => format!("1er {name} {year}"),
            (Some(name), Ok(day)) => format!("{day} {name} {year}"),
            _ => text.to_string(),
        },
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_french_conventions() {
        assert_eq!(integer(4_030_222), "4\u{202f}030\u{202f}222");
        assert_eq!(integer(999), "999");
        assert_eq!(percent(30.4), "30,4\u{a0}%");
        assert_eq!(decimal(1.0, 1), "1,0");
        assert_eq!(signed(9.1, 1, "pts"), "+9,1\u{a0}pts");
        assert_eq!(signed(-0.86, 1, "%"), "−0,9\u{a0}%");
        assert_eq!(signed(0.01, 1, "pts"), "±0,0\u{a0}pts");
    }

    #[test]
    fn dates_are_written_out() {
        assert_eq!(date("2019-10-22"), "22 octobre 2019");
        assert_eq!(date("2021-12"), "décembre 2021");
        assert_eq!(date("2022-07-01"), "1er juillet 2022");
        assert_eq!(date("2024"), "2024");
    }

    #[test]
    fn prose_gets_no_break_spaces() {
        assert_eq!(
            typo("l'orateur : « oui » ; non ? https://x.ma"),
            "l’orateur\u{a0}: «\u{a0}oui\u{a0}»\u{202f}; non\u{202f}? https://x.ma"
        );
    }
}
