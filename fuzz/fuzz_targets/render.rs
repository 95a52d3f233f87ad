//! Fuzzes the formats: fuzzed texts, in place of the texts of one proposal of the repository's
//! dataset, are checked as `jiha check` would (an input it refuses is skipped, as a user would
//! be told why), then that one brief is rendered in every format (HTML, PDF, Markdown, text,
//! Typst source). A panic, or a format refusing what `check` accepted, is a crash.
//!
//! The input is the language's index (its first byte), then texts separated by the byte
//! 0xFF (never part of UTF-8): the first replaces the proposal's first text in that
//! language (its title), the second the next (its short title), and so on.
//!
//! Run with `cargo fuzz run render` from the repository (see the README). The PDF costs
//! nearly all of an input's time: `JIHA_FUZZ_FORMATS=html,md,txt,typst` leaves it out, to
//! fuzz the other formats hundreds of times faster.

#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::LazyLock;

use jiha::render::{Format, Options};
use jiha::view::{Views, Written};
use jiha_data::check::{DataFile, single::Base};
use libfuzzer_sys::fuzz_target;

/// The proposal whose texts are replaced, and the languages it is written in.
const PROPOSAL: &str = "proposals/programme-spark.ron";
const LANGUAGES: [&str; 3] = ["fr", "en", "ar"];

/// The formats to render: every one, or those `JIHA_FUZZ_FORMATS` names.
static FORMATS: LazyLock<Vec<Format>> =
    LazyLock::new(|| match std::env::var("JIHA_FUZZ_FORMATS") {
        Ok(names) => Format::ALL
            .into_iter()
            .filter(|f| names.split(',').any(|n| n == f.name()))
            .collect(),
        Err(_) => Format::ALL.to_vec(),
    });

thread_local! {
    /// The repository's dataset, parsed and checked once, and the proposal's file.
    static BASE: (Base<'static>, DataFile) = {
        let files = common::repository_files();
        let proposal = files
            .iter()
            .find(|f| f.name == PROPOSAL)
            .expect("the proposal")
            .clone();
        let base = Base::new("data", files, &common::COVERAGE)
            .unwrap_or_else(|report| panic!("{}", report.render()));
        (base, proposal)
    };
}

/// The proposal's text with the values of its texts in `lang` replaced, in order, by `texts`.
fn replace(ron: &str, lang: &str, texts: &[&[u8]]) -> String {
    let key = format!("\"{lang}\": ");
    let mut texts = texts.iter();
    let mut out = String::with_capacity(ron.len());
    for line in ron.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(value) = trimmed.strip_prefix(&key)
            && value.starts_with('"')
            && let Some(text) = texts.next()
        {
            let text = String::from_utf8_lossy(text);
            let literal = ron::to_string(&text).expect("a string serialises");
            let indent = &line[..line.len() - trimmed.len()];
            out.push_str(&format!("{indent}{key}{literal},\n"));
        } else {
            out.push_str(line);
        }
    }
    out
}

fuzz_target!(|input: &[u8]| {
    let Some((&which, rest)) = input.split_first() else {
        return;
    };
    let lang = LANGUAGES[usize::from(which) % LANGUAGES.len()];
    let texts: Vec<&[u8]> = rest.split(|&b| b == 0xFF).collect();
    BASE.with(|(base, proposal)| {
        let original = std::str::from_utf8(&proposal.bytes).expect("UTF-8");
        let file = DataFile {
            bytes: replace(original, lang, &texts).into_bytes(),
            ..proposal.clone()
        };
        // What `check` refuses is never rendered: the user is told why instead.
        let Ok((dataset, _)) = base.load(file) else {
            return;
        };
        let views = Views::new(&dataset, lang).expect("a declared language");
        let entry = views
            .briefs()
            .into_iter()
            .find(|e| e.id == "programme-spark")
            .expect("the proposal's brief");
        let document = views
            .document(&entry, &Written::default())
            .expect("its document");
        for format in FORMATS.iter() {
            if let Err(err) = format.render(&document, Options { width: 72 }) {
                panic!("{} refused what check accepted: {err}", format.name());
            }
        }
        // Typst memoizes across compilations; what the last inputs did not use goes, so
        // that memory stays bounded over millions of inputs.
        typst::comemo::evict(10);
    });
});
