//! What every fuzz target asks of a report, and the repository's dataset.

use std::sync::LazyLock;

use jiha_data::check::{self, DataFile, IdFinding};
use jiha_data::finding::Finding;
use jiha_data::glyphs;

/// What the PDF fonts can draw, read once.
pub static COVERAGE: LazyLock<glyphs::Coverage> =
    LazyLock::new(|| glyphs::Coverage::of(&glyphs::pdf_fonts()));

/// The repository's dataset, read once.
#[allow(dead_code)]
pub fn repository_files() -> Vec<DataFile> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    check::read_dir(&root, "data").expect("the repository's data")
}

/// Every finding lies inside its file, none says that a rule is missing (a value let through
/// that the checked dataset cannot resolve), and the report renders, in full and on one line.
#[allow(dead_code)]
pub fn check_report(mut report: check::Report) {
    for d in &report.diagnostics {
        if let (Some(span), Some(text)) = (&d.span, report.text(&d.file)) {
            assert!(span.start <= text.len(), "{d:?}");
        }
        let unresolved = matches!(d.finding, Finding::Id(IdFinding::Unresolved { .. }));
        assert!(!unresolved, "a rule is missing: {d:?}");
    }
    let _ = report.render();
    report.short = true;
    let _ = report.render();
}
