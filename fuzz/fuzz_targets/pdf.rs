//! Fuzzes the PDF: the inputs of `render` (fuzzed texts in place of one proposal's), the brief
//! laid out and written by the Typst the binary embeds, as `jiha render --format pdf` does. A
//! panic, or Typst refusing what `check` accepted, is a crash. Slow (the layout of a whole
//! brief an input): `render` fuzzes everything before the layout about twice as fast.
//!
//! Typst memoizes layout across compilations, and `pdf()` keeps what the last two used; that
//! saves nothing measurable from one fuzzed input to the next (`docs/performance.md`).
//! `JIHA_FUZZ_EVICT=0` evicts everything after each input instead, to measure it again.
//!
//! The input is described in `brief.rs`. Built by `fuzz/build.sh` and run
//! as the README says.

#![no_main]

#[path = "brief.rs"]
mod brief;
#[path = "common.rs"]
mod common;

use std::sync::LazyLock;

use jiha::render::{Format, Options};
use libfuzzer_sys::fuzz_target;

/// Whether to evict all of Typst's memo after each input (`JIHA_FUZZ_EVICT=0`).
static EVICT_ALL: LazyLock<bool> =
    LazyLock::new(|| std::env::var("JIHA_FUZZ_EVICT").is_ok_and(|v| v == "0"));

fuzz_target!(|input: &[u8]| {
    brief::with_document(input, |document| {
        if let Err(err) = Format::Pdf.render(document, Options {
                width: 72,
                style: None,
            }) {
            panic!("pdf refused what check accepted: {err}");
        }
    });
    if *EVICT_ALL {
        typst::comemo::evict(0);
    }
});
