//! Snapshots of the Markdown, text and Typst briefs, beside the HTML ones of `html.rs`: the
//! same three briefs (overview, a proposal, a region) in French, and one proposal in Arabic
//! in every format, since Arabic is where the conventions bite (direction, digits, quotes).
//!
//! `INSTA_UPDATE=always cargo test --test jiha snapshot` rewrites them: review the diff.

use crate::support::{jiha, without_font_data};

/// The brief `id` in `format` and `lang`, as `jiha render` prints it to standard output.
fn render(id: &str, format: &str, lang: &str) -> String {
    let output = jiha()
        .args(["render", id, "-f", format, "-l", lang, "-o", "-"])
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    without_font_data(&String::from_utf8(output.stdout).expect("utf-8"))
}

const BRIEFS: [(&str, &str); 3] = [
    ("overview", "overview"),
    ("programme-spark", "proposal-programme-spark"),
    ("oriental", "region-oriental"),
];

/// The snapshot name of a brief in a format: `overview.md`, `region-oriental.typ`...
fn name(snapshot: &str, extension: &str) -> String {
    format!("{snapshot}.{extension}")
}

#[test]
fn markdown_snapshots() {
    for (id, snapshot) in BRIEFS {
        insta::assert_snapshot!(name(snapshot, "md"), render(id, "md", "fr"));
    }
}

#[test]
fn text_snapshots() {
    for (id, snapshot) in BRIEFS {
        insta::assert_snapshot!(name(snapshot, "txt"), render(id, "txt", "fr"));
    }
}

#[test]
fn typst_snapshots() {
    for (id, snapshot) in BRIEFS {
        insta::assert_snapshot!(name(snapshot, "typ"), render(id, "typst", "fr"));
    }
}

#[test]
fn arabic_snapshots_in_every_text_format() {
    for (format, extension) in [
        ("html", "html"),
        ("md", "md"),
        ("txt", "txt"),
        ("typst", "typ"),
    ] {
        insta::assert_snapshot!(
            name("ar-proposal-programme-spark", extension),
            render("programme-spark", format, "ar")
        );
    }
}
