//! A dataset narrowed to fewer languages (`export-data --lang`): each text keeps its versions
//! in the languages kept, and the RON around them (comments, layout, order) stays as it was.

/// `ron` without the versions of texts (`"en": "..."` in a `{...}` map) whose language is in
/// `dropped`. A quoted key followed by `:` is a map's key in RON (a struct's fields are bare
/// identifiers), so only text maps are touched. A version on a line of its own goes with its
/// line; one inline goes with its comma.
pub fn without_languages(ron: &str, dropped: &[String]) -> String {
    let bytes = ron.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = ron[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'"' => {
                let key_end = string_end(bytes, i);
                let key = &ron[i + 1..key_end.saturating_sub(1)];
                let after = skip_spaces(bytes, key_end);
                if dropped.iter().any(|l| l == key) && bytes.get(after) == Some(&b':') {
                    let value = skip_spaces(bytes, after + 1);
                    if bytes.get(value) == Some(&b'"') {
                        cut(&mut cuts, bytes, i, string_end(bytes, value));
                        i = string_end(bytes, value);
                        continue;
                    }
                }
                i = key_end;
            }
            _ => i += 1,
        }
    }
    let mut out = String::with_capacity(ron.len());
    let mut from = 0;
    for (start, end) in cuts {
        // The cuts come in order and never overlap; a slip would keep bytes, never panic.
        out.push_str(&ron[from..start.max(from)]);
        from = end.max(from);
    }
    out.push_str(&ron[from..]);
    out
}

/// Where the string literal opening at `start` ends (after its closing quote).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The first byte from `i` on that is not a space or a tab.
fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// Adds the bytes to remove for the map entry from `key` to `value_end`: its whole line
/// when it is alone on it, else the entry and its comma; the last entry of a map takes the
/// comma before it, and with it the entries just removed before it.
fn cut(cuts: &mut Vec<(usize, usize)>, bytes: &[u8], key: usize, value_end: usize) {
    let line_start = bytes[..key]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let mut end = skip_spaces(bytes, value_end);
    if bytes.get(end) == Some(&b',') {
        end = skip_spaces(bytes, end + 1);
        let alone = bytes[line_start..key]
            .iter()
            .all(|b| matches!(b, b' ' | b'\t'));
        if alone && matches!(bytes.get(end), Some(b'\n') | None) {
            cuts.push((line_start, (end + 1).min(bytes.len())));
        } else {
            cuts.push((key, end));
        }
        return;
    }
    // The last entry: the entries removed just before it go with it, and the comma before
    // them all.
    let mut start = key;
    while let Some(&(from, to)) = cuts.last() {
        let between = bytes.get(to..start).unwrap_or_default();
        if to > start || !between.iter().all(u8::is_ascii_whitespace) {
            break;
        }
        start = from;
        cuts.pop();
    }
    let before = bytes[..start]
        .iter()
        .rposition(|b| !b.is_ascii_whitespace());
    match before {
        Some(comma) if bytes[comma] == b',' => cuts.push((comma, value_end)),
        _ => cuts.push((start, value_end)),
    }
}

#[cfg(test)]
mod tests {
    use super::without_languages;

    fn narrow(ron: &str) -> String {
        without_languages(ron, &["en".to_string(), "ar".to_string()])
    }

    #[test]
    fn versions_on_their_own_lines_go_with_their_lines() {
        let ron = "title: {\n    \"fr\": \"Programme\",\n    \"en\": \"Programme, \\\"Spark\\\"\",\n    \"ar\": \"برنامج\",\n},\n";
        assert_eq!(narrow(ron), "title: {\n    \"fr\": \"Programme\",\n},\n");
    }

    #[test]
    fn inline_versions_go_with_their_commas() {
        assert_eq!(
            narrow("speaker: {\"fr\": \"A\", \"en\": \"B\", \"ar\": \"C\"},"),
            "speaker: {\"fr\": \"A\"},"
        );
        assert_eq!(
            narrow("translation: {\"en\": \"x\", \"ar\": \"y\"}),"),
            "translation: {}),"
        );
        assert_eq!(
            narrow("t: {\"ar\": \"y\", \"fr\": \"x\"}"),
            "t: {\"fr\": \"x\"}"
        );
        assert_eq!(
            narrow("t: {\n    \"fr\": \"x\",\n    \"ar\": \"y\"\n}"),
            "t: {\n    \"fr\": \"x\"\n}"
        );
        assert_eq!(
            narrow("t: {\n    \"fr\": \"x\",\n    \"en\": \"y\",\n    \"ar\": \"z\"\n}"),
            "t: {\n    \"fr\": \"x\"\n}"
        );
    }

    #[test]
    fn only_text_versions_are_touched() {
        // A comment, a string that is a language's code, and a struct field are kept.
        let ron = "// \"en\": \"kept\",\nlanguages: [\"fr\", \"en\"],\nwords: \"en\",\n";
        assert_eq!(narrow(ron), ron);
    }
}
