//! The texts to translate, read from a RON file's source, and the ledger that says from
//! which version of each original a translation was made.
//!
//! A text is a map from languages to strings (`title: {"fr": ..., "en": ..., "ar": ...}`),
//! whose original is its entry in the dataset's original language, or a quote's translations
//! (`Quote(words: ..., translation: {"en": ..., "ar": ...})`), whose original is `words`. Each
//! has an id, its path in its file with `.` between the parts (`said.0.quotes.1.translation`),
//! stable as long as the file's structure is.
//!
//! The ledger, `translations/<lang>.ron`, maps each file and text id to the
//! [`fingerprint`] of the original a translation was made from: when the original's
//! fingerprint is no longer that one, the translation is outdated.

use std::collections::BTreeMap;
use std::ops::Range;

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::escape::quoted;
use crate::ronspan::SpanIndex;

/// The folder of the ledgers, one per translated language (`translations/ar.ron`).
pub const TRANSLATIONS_DIR: &str = "translations";

/// The fingerprints of the originals each translation was made from: by file (its name in
/// the dataset, `proposals/spark.ron`), then by text id.
pub type Ledger = BTreeMap<String, BTreeMap<String, String>>;

/// One text of a file: its original and its translations, where they are written.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Its path in the file, `.` between the parts: `said.0.text`.
    pub id: String,
    /// The original, as RON decodes it.
    pub source: String,
    /// The bytes of the map that holds the translations.
    pub map: Range<usize>,
    /// The translations present, by language.
    pub targets: BTreeMap<String, Target>,
}

/// A translation as written in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The text, as RON decodes it.
    pub text: String,
    /// The bytes of its string literal.
    pub span: Range<usize>,
}

/// The ledger file of `lang`, relative to the dataset.
pub fn ledger_file(lang: &str) -> String {
    format!("{TRANSLATIONS_DIR}/{lang}.ron")
}

/// The fingerprint of an original: the first 16 hexadecimal digits of the SHA-256 of its
/// NFC form (a text saved decomposed by an editor keeps its fingerprint).
pub fn fingerprint(original: &str) -> String {
    let nfc: String = original.nfc().collect();
    Sha256::digest(nfc.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every text of a RON file's source, in the order it is written, with its translations in
/// `languages` (the `original` among them is not a translation). Never fails: what cannot be
/// read (a file with a syntax error) yields fewer texts.
pub fn units(text: &str, original: &str, languages: &[String]) -> Vec<Unit> {
    let index = SpanIndex::new(text);
    let original_key = format!(".\"{original}\"");
    let mut units: Vec<Unit> = index
        .paths()
        // Only a text in the original (`…."fr"`) or a quote's `translation` can start a unit:
        // the last byte rules out nearly every other path before comparing more.
        .filter(|path| matches!(path.as_bytes().last(), Some(b'"' | b'n')))
        .filter_map(|path| {
            // A quote's `translation` is made from its words, even if (wrongly) keyed by the
            // original language too: that key is not its original.
            let (map, source) = if let Some(map) = path.strip_suffix(&original_key)
                && !map.ends_with(".translation")
            {
                (map, path.to_string())
            } else if let Some(parent) = path.strip_suffix(".translation") {
                (path, format!("{parent}.words"))
            } else {
                return None;
            };
            let map_span = index
                .value(map)
                .filter(|s| text[s.clone()].starts_with('{'))?;
            let source = string_at(text, &index, &source)?;
            let targets = (languages.iter())
                .filter(|l| *l != original)
                .filter_map(|lang| {
                    let span = index.value(&format!("{map}.\"{lang}\""))?;
                    let text = decode(&text[span.clone()])?;
                    Some((lang.clone(), Target { text, span }))
                })
                .collect();
            Some(Unit {
                id: unit_id(map),
                source: source.0,
                map: map_span,
                targets,
            })
        })
        .collect();
    units.sort_by_key(|u| u.map.start);
    units
}

/// The decoded string at `path`, and its span; `None` if it is not a string.
fn string_at(text: &str, index: &SpanIndex, path: &str) -> Option<(String, Range<usize>)> {
    let span = index.value(path)?;
    Some((decode(&text[span.clone()])?, span))
}

/// A RON string literal, decoded; `None` for anything else.
pub fn decode(literal: &str) -> Option<String> {
    // Most texts have no escape: the inside of the quotes as it is.
    if let Some(inside) = literal.strip_prefix('"').and_then(|l| l.strip_suffix('"'))
        && memchr::memchr2(b'"', b'\\', inside.as_bytes()).is_none()
    {
        return Some(inside.to_string());
    }
    if !(literal.starts_with('"') || literal.starts_with("r\"") || literal.starts_with("r#")) {
        return None;
    }
    ron::from_str::<String>(literal).ok()
}

/// `said[0].text` -> `said.0.text`, `[2].name` -> `2.name`: a path as an XML name token
/// (no brackets, no quotes).
fn unit_id(path: &str) -> String {
    let id = path.replace('[', ".").replace([']', '"'], "");
    id.strip_prefix('.').map(str::to_string).unwrap_or(id)
}

/// Reads a ledger file.
pub fn parse_ledger(text: &str) -> Result<Ledger, ron::error::SpannedError> {
    ron::from_str(text)
}

/// The ledger of `lang` as its file is written: sorted, one entry a line, the same bytes for
/// the same ledger.
pub fn write_ledger(lang: &str, ledger: &Ledger) -> String {
    let mut out = format!(
        "// The `{lang}` translations: for each file and text, the fingerprint of the original\n\
         // each was made from (SHA-256 of the NFC text, first 16 hex digits). Written by\n\
         // `jiha translations import`; a text whose original no longer has this fingerprint is\n\
         // outdated, and `jiha check` warns about it.\n{{\n"
    );
    for (file, texts) in ledger.iter().filter(|(_, t)| !t.is_empty()) {
        out.push_str(&format!("    {}: {{\n", quoted(file)));
        for (id, hash) in texts {
            out.push_str(&format!("        {}: {},\n", quoted(id), quoted(hash)));
        }
        out.push_str("    },\n");
    }
    out.push_str("}\n");
    out
}

/// The outdated translation of a text into `lang`: recorded with a fingerprint that is no
/// longer its original's. A translation with no record is not outdated: nothing says it is.
pub fn is_outdated(unit: &Unit, lang: &str, recorded: Option<&BTreeMap<String, String>>) -> bool {
    unit.targets.contains_key(lang)
        && recorded
            .and_then(|texts| texts.get(&unit.id))
            .is_some_and(|hash| *hash != fingerprint(&unit.source))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A literal without escapes, read without `ron`, reads as `ron` reads it: control
        /// characters, line breaks and all.
        #[test]
        fn a_literal_without_escapes_decodes_as_ron_decodes_it(inside in "[^\"\\\\]{0,40}") {
            let literal = format!("\"{inside}\"");
            let by_ron = ron::from_str::<String>(&literal).ok();
            proptest::prop_assert_eq!(decode(&literal), by_ron);
        }
    }

    #[test]
    fn a_quote_translation_keyed_by_the_original_too_is_made_from_its_words() {
        let text = r#"(quote: (words: "mots", translation: {"en": "words", "fr": "autre"}))"#;
        let languages = ["fr".to_string(), "en".to_string()];
        // The span index is a hash map: read it many times, in as many orders.
        for _ in 0..32 {
            let units = units(text, "fr", &languages);
            assert_eq!(units.len(), 1, "{units:?}");
            assert_eq!(units[0].source, "mots");
        }
    }

    const FILE: &str = "Proposal(\n    // a comment\n    title: {\"fr\": \"Titre \\\"x\\\"\", \"en\": \"Title\"},\n    said: [Said(text: {\"fr\": \"Dit\"}, quotes: [Quote(words: \"mot\", translation: {\"ar\": \"كلمة\"})])],\n    frame: {\"fr\": 3},\n)\n";

    fn languages() -> Vec<String> {
        ["fr", "en", "ar"].map(String::from).to_vec()
    }

    #[test]
    fn texts_and_quotes_are_found_in_order_with_their_translations() {
        let units = units(FILE, "fr", &languages());
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["title", "said.0.text", "said.0.quotes.0.translation"]);
        assert_eq!(units[0].source, "Titre \"x\"");
        assert_eq!(units[0].targets["en"].text, "Title");
        assert_eq!(&FILE[units[0].targets["en"].span.clone()], "\"Title\"");
        assert!(units[1].targets.is_empty());
        assert_eq!(units[2].source, "mot");
        assert_eq!(units[2].targets["ar"].text, "كلمة");
    }

    #[test]
    fn encoded_strings_decode_to_themselves() {
        for text in [
            "plain",
            "a \"quote\" and \\ and\nline\ttab",
            "{value: x} « é »",
            "\u{1}",
        ] {
            assert_eq!(decode(&quoted(text)).as_deref(), Some(text), "{text:?}");
        }
    }

    #[test]
    fn the_fingerprint_is_that_of_the_nfc_text() {
        assert_eq!(fingerprint("abc"), "ba7816bf8f01cfea");
        assert_eq!(fingerprint("e\u{301}"), fingerprint("\u{e9}"));
        assert_ne!(fingerprint("a"), fingerprint("b"));
    }

    #[test]
    fn a_written_ledger_reads_back() {
        let mut ledger = Ledger::new();
        ledger
            .entry("proposals/a.ron".into())
            .or_default()
            .insert("said.0.text".into(), fingerprint("x"));
        let written = write_ledger("ar", &ledger);
        assert_eq!(parse_ledger(&written).ok(), Some(ledger));
    }

    #[test]
    fn only_a_recorded_fingerprint_that_changed_makes_a_translation_outdated() {
        let units = units(FILE, "fr", &languages());
        let title = &units[0];
        let mut recorded = BTreeMap::new();
        assert!(!is_outdated(title, "en", None));
        assert!(!is_outdated(title, "en", Some(&recorded)));
        recorded.insert("title".to_string(), fingerprint("Titre \"x\""));
        assert!(!is_outdated(title, "en", Some(&recorded)));
        recorded.insert("title".to_string(), fingerprint("Ancien titre"));
        assert!(is_outdated(title, "en", Some(&recorded)));
        assert!(
            !is_outdated(title, "ar", Some(&recorded)),
            "no `ar` translation"
        );
    }
}
