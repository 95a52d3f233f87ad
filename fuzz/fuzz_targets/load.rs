//! Fuzzes the loader and the checks: any bytes, in place of any file of the repository's
//! dataset, must give a dataset or located findings, never a panic or a hang.
//!
//! Run with `cargo fuzz run load` from the repository (see the README).

#![no_main]

use std::sync::LazyLock;

use jiha_data::{check, glyphs};
use libfuzzer_sys::fuzz_target;

/// The repository's dataset, read once.
static FILES: LazyLock<Vec<check::DataFile>> = LazyLock::new(|| {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    check::read_dir(&root, "data").expect("the repository's data")
});

static COVERAGE: LazyLock<glyphs::Coverage> =
    LazyLock::new(|| glyphs::Coverage::of(&glyphs::pdf_fonts()));

fuzz_target!(|input: &[u8]| {
    let Some((&which, bytes)) = input.split_first() else {
        return;
    };
    let mut files = FILES.clone();
    let index = usize::from(which) % files.len();
    files[index].bytes = bytes.to_vec();
    if let Err(report) = check::load("data", files, &COVERAGE) {
        // Rendering every finding, excerpt included, must not panic either.
        let _ = report.render();
    }
});
