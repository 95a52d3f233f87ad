//! Fuzzes the parser of every file shape: any bytes, read as one file of a dataset (its first
//! byte chooses which: a proposal, a catalogue, `regions.ron`...), must parse or give located
//! findings, never a panic or a hang. The span index the findings are located with is fuzzed
//! on the same text.
//!
//! Built by `fuzz/build.sh` and run as the README says.

#![no_main]

#[path = "common.rs"]
mod common;

use jiha_data::check::{DataFile, single};
use jiha_data::ronspan::SpanIndex;
use libfuzzer_sys::fuzz_target;

/// One file of each shape.
const NAMES: [&str; 8] = [
    "dataset.ron",
    "sources.ron",
    "actors.ron",
    "figures.ron",
    "regions.ron",
    "outlines.ron",
    "proposals/fuzz.ron",
    "labels/fr.ron",
];

/// Paths the rules locate, one or more in each shape.
const PATHS: [&str; 8] = [
    "",
    "[0].id",
    "[3].value.Count",
    "regions[2].name_fr",
    "regions[11].indicators[1]",
    "said[1].quotes[0].translation.\"ar\"",
    "languages[0]",
    "numbers.decimal",
];

fuzz_target!(|input: &[u8]| {
    let Some((&which, bytes)) = input.split_first() else {
        return;
    };
    let name = NAMES[usize::from(which) % NAMES.len()];
    let file = DataFile {
        name: name.to_string(),
        display: format!("data/{name}"),
        bytes: bytes.to_vec(),
        unreadable: None,
    };
    let report = single::parse(file, &common::COVERAGE);
    common::check_report(report);
    if let Ok(text) = std::str::from_utf8(bytes) {
        let index = SpanIndex::new(text);
        for path in PATHS {
            if let Some(span) = index.locate(text, path) {
                assert!(text.get(span).is_some(), "{path} outside its text");
            }
        }
    }
});
