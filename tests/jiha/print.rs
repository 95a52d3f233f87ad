//! Printing, checked in a real browser: every HTML brief printed by headless Chromium is A4,
//! of a sensible length, and carries all of its text, its running head and page numbers, and
//! nothing else; each region's brief prints on three pages in every language (the region, its
//! province map, its provinces' table, each starting a page); the PDF made by the
//! embedded Typst carries the same text.

use std::collections::BTreeSet;
use std::path::Path;

use tempfile::TempDir;

use crate::support::{jiha, pdf_text, run_tool, tool};

/// The words of a text: runs of letters and digits, lower-cased; a word broken by a hyphen
/// at a line end counts both whole and as its two pieces (the hyphen may be the word's own).
fn words(text: &str) -> BTreeSet<String> {
    let split = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            // Text extraction takes the lam-alef ligature apart in either order.
            .map(|w| w.to_lowercase().replace("لا", "ال"))
            .collect()
    };
    let mut all: BTreeSet<String> = split(&text.replace('\u{ad}', "")).into_iter().collect();
    all.extend(split(
        &text
            .replace("-\n", "")
            .replace("\u{ad}\n", "")
            .replace('\u{ad}', ""),
    ));
    all
}

/// What a reader sees of an HTML page: the body's text, without the drawings' titles and
/// descriptions (for screen readers) and without the style sheet.
fn html_text(html: &str) -> String {
    let document = scraper::Html::parse_document(html);
    let body = scraper::Selector::parse("body").expect("selector");
    let mut text = String::new();
    for node in document.select(&body).flat_map(|b| b.descendants()) {
        if let Some(t) = node.value().as_text() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "title" | "desc" | "style" | "script"))
            });
            if !hidden {
                text.push_str(t);
                text.push(' ');
            }
        }
    }
    text
}

/// What the style sheet prints in the page's margins: the strings of its `content`
/// declarations (the running head, the word before the page number).
fn margin_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("content: \"") {
        rest = &rest[at + "content: \"".len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        text.push_str(&rest[..end]);
        text.push(' ');
        rest = &rest[end..];
    }
    text
}

fn print_with_chromium(html: &Path, pdf: &Path, profile: &Path) {
    let status = tool("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(html)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run chromium");
    assert!(
        status.success() && pdf.exists(),
        "chromium did not print {}",
        html.display()
    );
}

fn pages(pdf: &Path) -> usize {
    run_tool("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}

/// The words of a Typst PDF. Typst breaks a web address too long for its line inside a
/// word, without a hyphen (`https://casablan` / `casettat.ma/…`): its pieces, glued back,
/// are printed too.
fn typst_words(pdf: &Path) -> BTreeSet<String> {
    let text = pdf_text(pdf);
    let mut all = words(&text);
    all.extend(words(&text.replace('\n', "")));
    all
}

/// The page's words, all printed by Chromium and nothing else but page numbers; and all in
/// the Typst PDF beside the HTML (but the drawings' words: there they are pictures).
fn assert_same_words(html_path: &Path, printed: &Path) {
    let name = html_path.display().to_string();
    let html = std::fs::read_to_string(html_path).expect("read");
    let expected = words(&html_text(&html));
    let margins = words(&margin_text(&html));
    let printed_text = pdf_text(printed);
    let chromium = words(&printed_text);
    // The margins carry the publication's title and "page N / M".
    assert!(
        margins.contains("page") && margins.len() > 3,
        "{name}: no running head or page word in {margins:?}"
    );
    let squeezed: String = printed_text.split_whitespace().collect();
    let last = pages(printed);
    assert!(
        squeezed.contains(&format!("page{last}/{last}")),
        "{name}: its last page is not numbered « page {last} / {last} »"
    );
    // The head is not on the first page: a brief of one page has none.
    if last > 1 {
        let head: Vec<_> = margins.difference(&chromium).collect();
        assert!(
            head.is_empty(),
            "{name}: no running head, {head:?} not printed"
        );
    }
    // Nothing cut: every word of the page is in the print...
    // pdftotext drops the hyphen where a web address breaks across lines, gluing
    // its pieces: a word found inside another one was printed.
    let printed_in = |pdf: &BTreeSet<String>, w: &String| {
        pdf.contains(w)
            || pdf
                .iter()
                .any(|p| p.len() > w.len() && p.contains(w.as_str()))
    };
    let missing: Vec<_> = expected
        .iter()
        .filter(|w| !printed_in(&chromium, w))
        .collect();
    assert!(missing.is_empty(), "{name}: printed without {missing:?}");
    // ... and nothing else, but the page numbers.
    // A word of the print that is not on the page must be a page number, a piece of
    // a word the browser hyphenated, or two words glued where a line broke after a
    // hyphen.
    let explained = |w: &String| {
        w.chars().all(|c| c.is_ascii_digit())
            || expected
                .iter()
                .any(|e| e.starts_with(w.as_str()) || e.ends_with(w.as_str()))
            || (1..w.len()).any(|i| {
                w.is_char_boundary(i) && expected.contains(&w[..i]) && expected.contains(&w[i..])
            })
    };
    let shown: BTreeSet<String> = expected.union(&margins).cloned().collect();
    let extra: Vec<_> = chromium
        .difference(&shown)
        .filter(|w| !explained(w))
        .collect();
    assert!(extra.is_empty(), "{name}: the print adds {extra:?}");

    // The Typst PDF carries the same text (its drawings are pictures, its running
    // header repeats the title).
    let typst = typst_words(&html_path.with_extension("pdf"));
    let drawings: BTreeSet<String> = {
        let document = scraper::Html::parse_document(&html);
        let svg = scraper::Selector::parse("svg text").expect("selector");
        document
            .select(&svg)
            .flat_map(|t| words(&t.text().collect::<String>()))
            .collect()
    };
    let missing: Vec<_> = expected
        .iter()
        .filter(|w| !drawings.contains(*w) && !printed_in(&typst, w))
        .collect();
    assert!(
        missing.is_empty(),
        "{name}: the Typst PDF lacks {missing:?}"
    );
}

#[test]
#[ignore = "needs chromium and poppler (pdfinfo, pdftotext)"]
fn every_html_brief_prints_whole_in_chromium_and_matches_the_typst_pdf() {
    let work = TempDir::new().expect("tempdir");
    let out = work.path().join("out");
    jiha()
        .args(["render", "-f", "html,pdf", "-l", "fr", "-o"])
        .arg(&out)
        .assert()
        .success();
    let profile = work.path().join("chromium");
    let mut checked = 0;
    for dir in ["", "proposals", "regions"] {
        let folder = out.join("fr").join(dir);
        let mut entries: Vec<_> = std::fs::read_dir(&folder)
            .expect("read")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect();
        entries.sort();
        for html_path in entries {
            let name = html_path.display().to_string();
            let printed = html_path.with_extension("chromium.pdf");
            print_with_chromium(&html_path, &printed, &profile);
            let info = run_tool("pdfinfo", &[], &printed);
            assert!(info.contains("(A4)"), "{name} is not printed on A4");
            let count = pages(&printed);
            // The book: about 90 pages printed, with its regions' three pages and its annex.
            let range = if name.ends_with("book.html") {
                25..=120
            } else {
                1..=12
            };
            assert!(range.contains(&count), "{name}: {count} pages");

            assert_same_words(&html_path, &printed);
            checked += 1;
        }
    }
    assert_eq!(checked, 27);
}

#[test]
#[ignore = "needs chromium and poppler (pdfinfo)"]
fn every_region_brief_prints_on_three_pages_in_every_language() {
    let work = TempDir::new().expect("tempdir");
    let out = work.path().join("out");
    jiha()
        .args(["render", "-f", "html", "-l", "fr,en,ar", "-o"])
        .arg(&out)
        .assert()
        .success();
    let profile = work.path().join("chromium");
    let mut over = Vec::new();
    let mut checked = 0;
    for lang in ["fr", "en", "ar"] {
        let folder = out.join(lang).join("regions");
        let mut entries: Vec<_> = std::fs::read_dir(&folder)
            .expect("read")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for html_path in entries {
            let printed = html_path.with_extension("chromium.pdf");
            print_with_chromium(&html_path, &printed, &profile);
            let count = pages(&printed);
            if count != 3 {
                over.push(format!("{}: {count} pages", html_path.display()));
            }
            checked += 1;
        }
    }
    assert!(
        over.is_empty(),
        "a region's brief does not print on three pages (the region, its map, its provinces): {over:?}"
    );
    assert_eq!(checked, 36);
}

#[test]
#[ignore = "needs poppler (pdfinfo, pdftotext)"]
fn the_editor_signs_the_pdf_and_its_running_head() {
    let work = TempDir::new().expect("tempdir");
    let out = work.path().join("out");
    jiha()
        .args(["render", "overview", "-f", "pdf", "-l", "fr,ar", "-o"])
        .arg(&out)
        .assert()
        .success();
    // pdftotext marks the Latin word inside an Arabic line with bidi controls: the head is
    // looked for up to it.
    for (lang, editor, head) in [
        (
            "fr",
            "l’équipe éditoriale du projet jiha",
            "l’équipe éditoriale du projet jiha",
        ),
        ("ar", "فريق التحرير في مشروع jiha", "فريق التحرير في مشروع"),
    ] {
        let pdf = out.join(lang).join("overview.pdf");
        let info = run_tool("pdfinfo", &[], &pdf);
        let author = info.lines().find_map(|l| l.strip_prefix("Author:"));
        assert_eq!(author.map(str::trim), Some(editor), "{lang}: {info}");
        // The running head, from the second page on: the publication, then its editor.
        let text = pdf_text(&pdf);
        let heads = text.split('\u{c}').skip(1).filter(|p| p.contains(head));
        assert!(heads.count() >= 1, "{lang}: no running head names {head}");
    }
}
