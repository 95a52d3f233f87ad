//! PDF, Markdown, text and Typst source, checked with the tools a reader would use.

use std::path::Path;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{jiha, pdf_text, render_spark_titled, run_tool, squash, tree};

const REGION_NAMES: [&str; 12] = [
    "Tanger-Tétouan-Al Hoceima",
    "Oriental",
    "Fès-Meknès",
    "Rabat-Salé-Kénitra",
    "Béni Mellal-Khénifra",
    "Casablanca-Settat",
    "Marrakech-Safi",
    "Drâa-Tafilalet",
    "Souss-Massa",
    "Guelmim-Oued Noun",
    "Laâyoune-Sakia El Hamra",
    "Dakhla-Oued Ed-Dahab",
];

fn render_all(out: &Path, extra: &[&str]) {
    jiha()
        .args(["render", "-f", "all", "-o"])
        .arg(out)
        .args(extra)
        .assert()
        .success();
}

#[test]
fn every_format_of_every_brief_renders_in_every_language() {
    let out = TempDir::new().expect("tempdir");
    render_all(out.path(), &["--lang", "all"]);
    let files = tree(out.path());
    for lang in ["fr", "en", "ar"] {
        for ext in ["html", "pdf", "md", "txt", "typ"] {
            let count = files
                .keys()
                .filter(|k| k.starts_with(&format!("{lang}/")) && k.ends_with(&format!(".{ext}")))
                .count();
            assert_eq!(count, 27, "{lang} {ext}");
        }
    }
    let html = |path: &str| String::from_utf8_lossy(&files[path]).into_owned();
    let arabic = html("ar/regions/oriental.html");
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(arabic.contains("ترجمة للنسخة الأصلية المحررة باللغة الفرنسية"));
    let english = html("en/regions/oriental.html");
    assert!(english.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(english.contains("30.4%"), "English numbers");
    assert!(html("fr/regions/oriental.html").contains("Édition originale, rédigée en français."));
    for (name, bytes) in files.iter().filter(|(k, _)| k.ends_with(".pdf")) {
        assert!(bytes.starts_with(b"%PDF-"), "{name}");
    }
}

#[test]
#[ignore = "needs qpdf and poppler (pdfinfo)"]
fn every_pdf_of_every_brief_is_sound_a4_tagged_and_pdf_ua() {
    let out = TempDir::new().expect("tempdir");
    jiha()
        .args(["render", "-f", "pdf", "--lang", "all", "-o"])
        .arg(out.path())
        .assert()
        .success();
    let files = tree(out.path());
    assert_eq!(files.len(), 3 * 27, "every brief in every language");
    for (name, bytes) in files.iter().filter(|(k, _)| k.ends_with(".pdf")) {
        assert!(bytes.starts_with(b"%PDF-"), "{name}");
        let path = out.path().join(name);
        run_tool("qpdf", &["--check"], &path);
        let info = run_tool("pdfinfo", &[], &path);
        assert!(info.contains("(A4)"), "{name} is not A4:\n{info}");
        assert!(
            info.contains("Tagged:          yes"),
            "{name} is not tagged:\n{info}"
        );
        // Written under Typst's PDF/UA-1 checks, and declared so in the XMP metadata.
        let declared = bytes
            .windows(b"<pdfuaid:part>1</pdfuaid:part>".len())
            .any(|w| w == b"<pdfuaid:part>1</pdfuaid:part>");
        assert!(declared, "{name} does not declare PDF/UA-1");
    }
}

#[test]
#[ignore = "needs qpdf and poppler (pdfinfo, pdftotext)"]
fn the_book_pdf_reads_like_a_book() {
    let out = TempDir::new().expect("tempdir");
    jiha()
        .args(["render", "book", "-f", "pdf", "-l", "fr", "-o"])
        .arg(out.path())
        .assert()
        .success();
    let pdf = out.path().join("fr/book.pdf");
    let info = run_tool("pdfinfo", &[], &pdf);
    assert!(
        info.contains("Title:           Régionalisation avancée et fracture numérique"),
        "{info}"
    );
    assert!(info.contains("Keywords:"), "{info}");
    assert!(
        info.contains("CreationDate:    Sun Nov 29 00:00:00 2026"),
        "{info}"
    );
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    // 12 regions of three pages each (the region, its province map, its provinces) and the
    // annex of every province make it about 80 pages.
    assert!((25..=110).contains(&pages), "{pages} pages");

    let text = squash(&pdf_text(&pdf));
    // Table of contents with page numbers, page numbers and running headers.
    assert!(text.contains("Table des matières"));
    assert!(
        text.contains("Vue d’ensemble ."),
        "TOC entry with leader dots"
    );
    assert!(text.contains(&format!("page 2 / {pages}")));
    assert!(text.contains(&format!("page {pages} / {pages}")));
    for name in REGION_NAMES {
        assert!(text.contains(name), "{name} missing from the book's text");
    }
    for figure in [
        "6 000",
        "60 %",
        "20 ans",
        "36 828 330",
        "30,4 %",
        "+9,1 pt",
        "−0,9 %",
        "22 octobre 2019",
    ] {
        assert!(
            text.contains(figure),
            "{figure} missing from the book's text"
        );
    }
    assert!(text.contains("Affirmation de la voix citée, non vérifiée"));
    assert!(text.contains("SIL Open Font License 1.1"));

    // Bookmarks: one per brief at least.
    let json = run_tool("qpdf", &["--json", "--json-key=outlines"], &pdf);
    assert!(
        json.matches("\"title\":").count() >= 30,
        "too few bookmarks"
    );
    assert!(json.contains("Oriental"));
}

#[test]
#[ignore = "needs qpdf and poppler (pdftotext)"]
fn the_arabic_book_is_right_to_left_and_complete() {
    let out = TempDir::new().expect("tempdir");
    jiha()
        .args(["render", "book", "-f", "pdf", "-l", "ar", "-o"])
        .arg(out.path())
        .assert()
        .success();
    let pdf = out.path().join("ar/book.pdf");
    run_tool("qpdf", &["--check"], &pdf);
    let text = squash(&pdf_text(&pdf));
    for name in [
        "الشرق",
        "سوس-ماسة",
        "الداخلة-وادي الذهب",
        "الفهرس",
        "مسرد المصطلحات",
    ] {
        assert!(text.contains(name), "{name} missing from the Arabic book");
    }
    assert!(text.contains("2.294.665"), "Arabic-edition numbers");
}

/// A title made of markup of every format.
const HOSTILE: &str = "#set page(width: 1cm) *x* $y$ <z> @w";

/// The programme-spark brief with `HOSTILE` for its French title, rendered in `formats`.
fn render_hostile_title(formats: &str) -> TempDir {
    let (output, out) = render_spark_titled(HOSTILE, formats);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

#[test]
#[ignore = "needs poppler (pdfinfo, pdftotext)"]
fn a_hostile_title_renders_literally_in_the_pdf() {
    let out = render_hostile_title("pdf");
    let pdf = out.path().join("fr/proposals/programme-spark.pdf");
    assert!(run_tool("pdfinfo", &[], &pdf).contains("(A4)"));
    let pdf_text = squash(&pdf_text(&pdf));
    assert!(pdf_text.contains(HOSTILE), "PDF text:\n{pdf_text}");
}

#[test]
fn a_hostile_title_renders_literally_in_every_other_format() {
    let hostile = HOSTILE;
    let out = render_hostile_title("html,md,txt,typst");
    let read = |ext: &str| {
        std::fs::read_to_string(
            out.path()
                .join(format!("fr/proposals/programme-spark.{ext}")),
        )
        .expect("read output")
    };

    let markdown = read("md");
    let mut md_text = String::new();
    let mut emphasis = false;
    for event in pulldown_cmark::Parser::new_ext(&markdown, pulldown_cmark::Options::ENABLE_TABLES)
    {
        match event {
            pulldown_cmark::Event::Text(t) => md_text.push_str(&t),
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { .. }) => md_text.push('\n'),
            pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => {
                panic!("Markdown holds HTML: {h}")
            }
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Strong) => emphasis = true,
            _ => {}
        }
    }
    assert!(md_text.contains(hostile), "Markdown text:\n{md_text}");
    assert!(!emphasis, "the title became bold");

    assert!(read("txt").contains(hostile));
    let html = read("html");
    assert!(html.contains("#set page(width: 1cm) *x* $y$ &#60;z&#62; @w"));
    assert!(!html.contains("<z>"));
}

#[test]
fn show_prints_a_readable_brief() {
    let output = jiha().args(["show", "oriental"]).output().expect("run");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(
        text.contains("Oriental — الشرق\n================\n"),
        "{text}"
    );
    assert!(text.contains("Indicateurs face à la valeur nationale\n---"));
    assert!(text.contains("Taux de chômage (2024)"));
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "a line is over 80 columns"
    );

    let narrow = jiha()
        .args(["show", "overview", "--width", "50"])
        .output()
        .expect("run");
    let narrow = String::from_utf8(narrow.stdout).expect("utf-8");
    assert!(
        narrow.lines().all(|l| l.chars().count() <= 50),
        "a line is over 50 columns"
    );
    assert!(narrow.contains("Couverture des régions par les propositions"));
}

#[test]
fn show_of_an_unknown_brief_suggests_one() {
    jiha()
        .args(["show", "oriantal"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `oriental`?"));
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jiha"))
        .args(["show", "book"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Read one line, then close the pipe, as `| head -1` does.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    std::io::Read::read(&mut stdout, &mut first).expect("read");
    drop(stdout);
    let output = child.wait_with_output().expect("wait");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn typst_source_is_written_for_restyling() {
    jiha()
        .args(["render", "oriental", "-f", "typst", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::contains("#set page("))
        .stdout(predicate::str::contains("= Oriental <region-oriental>"));
}
