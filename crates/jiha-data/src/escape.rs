//! Text written into another language's syntax: one place for each escaping rule that more
//! than one writer shares.

/// `text` as a double-quoted string literal with backslash escapes, which RON and Typst both
/// read back as `text`: `"` and `\` escaped, line breaks and tabs as `\n`, `\r`, `\t`, and
/// every other control character as `\u{…}`.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` escaped for XML (SVG, XLIFF, the live preview's HTML), in content and in
/// double-quoted attributes, which every writer uses: `&`, `<`, `>` and `"` as references,
/// and a carriage return as `&#xD;`, which a parser would otherwise read as a line feed.
/// Apostrophes stay as they are, so that a translator reads `l'État` in an XLIFF file.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_escapes_quotes_backslashes_and_controls() {
        assert_eq!(quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(quoted("l\nt\tr\r\u{1}"), "\"l\\nt\\tr\\r\\u{1}\"");
        assert_eq!(quoted("« é »"), "\"« é »\"");
    }

    #[test]
    fn xml_escapes_markup_quotes_and_carriage_returns() {
        assert_eq!(xml("<a & \"b\" 'c'>"), "&lt;a &amp; &quot;b&quot; 'c'&gt;");
        assert_eq!(xml("a\r\nb"), "a&#xD;\nb");
    }
}
