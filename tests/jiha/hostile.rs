//! Hostile text from the data, through every format: no panic, no markup, the text kept.

use tempfile::TempDir;

use crate::support::{pdf_text, render_spark_titled, run_tool};

/// A small deterministic generator: the same strings at every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() as usize) % items.len()]
    }
}

/// Pieces that have broken text handling somewhere: markup of every format, bidi controls,
/// zero-width characters, combining marks, Arabic, and very long words.
const PIECES: &[&str] = &[
    "#set page(width: 1cm)",
    "*gras*",
    "_x_",
    "$y$",
    "<z>",
    "@w",
    "// ",
    "= ",
    "[a](b)",
    "| c |",
    "<script>alert(1)</script>",
    "&amp;",
    "\\\\",
    "`code`",
    "1. ",
    "- ",
    "> ",
    "~~",
    "{{ x }}",
    "{% if %}",
    "\u{202e}inversé\u{202c}",
    "\u{2067}عربي\u{2069}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "e\u{301}",
    "c\u{327}",
    "région",
    "الجهة",
    "Oujda",
    "2 294 665",
    "30,4 %",
    "l'orateur",
    "Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellementanticonstitutionnellement",
];

fn hostile(seed: u64) -> String {
    let mut rng = Lcg(seed);
    let mut text = String::from("T ");
    for _ in 0..8 {
        text.push_str(rng.pick(PIECES));
        text.push(' ');
    }
    text.trim_end().to_string()
}

/// A string as RON writes it, in a data text: a brace printed as such is written twice (a
/// single one would open a reference to the data, `{value: …}`).
fn ron(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('{', "{{")
        .replace('}', "}}")
}

/// Spaces and typographic variants folded, invisible characters dropped: what a reader sees.
fn seen(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{ad}'))
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\n' => ' ',
            '’' => '\'',
            c => c,
        })
        .collect::<String>()
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Renders the programme-spark brief, its title replaced by the hostile title of `seed`, in
/// `formats`; returns the title and the output directory.
fn render_hostile(seed: u64, formats: &str) -> (String, TempDir) {
    let title = hostile(seed);
    let (output, out) = render_spark_titled(&ron(&title), formats);
    assert!(
        output.status.success(),
        "seed {seed}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (title, out)
}

/// The rendered brief of `render_hostile` in the format of extension `ext`.
fn file(out: &TempDir, ext: &str) -> std::path::PathBuf {
    out.path()
        .join(format!("fr/proposals/programme-spark.{ext}"))
}

#[test]
fn hostile_titles_stay_text_in_html_markdown_and_text() {
    for seed in [1, 2, 3, 4] {
        let (title, out) = render_hostile(seed, "html,md,txt,typst");
        let read = |ext: &str| std::fs::read_to_string(file(&out, ext)).expect("read");
        let expected = seen(&title);

        // HTML, through an HTML parser: the heading holds the title, and nothing was injected.
        let html = scraper::Html::parse_document(&read("html"));
        let h1 = scraper::Selector::parse("h1").expect("selector");
        let heading: String = html.select(&h1).next().expect("a heading").text().collect();
        assert_eq!(seen(&heading), expected, "seed {seed}: HTML");
        let script = scraper::Selector::parse("script").expect("selector");
        assert_eq!(
            html.select(&script).count(),
            0,
            "seed {seed}: a script got in"
        );

        // Markdown, through a CommonMark parser: the first heading is the title, as text.
        let markdown = read("md");
        let mut in_heading = false;
        let mut heading = String::new();
        for event in
            pulldown_cmark::Parser::new_ext(&markdown, pulldown_cmark::Options::ENABLE_TABLES)
        {
            match event {
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { .. })
                    if heading.is_empty() =>
                {
                    in_heading = true
                }
                pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                    in_heading = false
                }
                pulldown_cmark::Event::Text(t) if in_heading => heading.push_str(&t),
                pulldown_cmark::Event::Code(_)
                | pulldown_cmark::Event::Html(_)
                | pulldown_cmark::Event::InlineHtml(_)
                    if in_heading =>
                {
                    panic!("seed {seed}: markup in the Markdown heading")
                }
                _ => {}
            }
        }
        assert_eq!(seen(&heading), expected, "seed {seed}: Markdown");

        // Text: the title, wrapped.
        let squeeze = |s: &str| seen(s).replace(' ', "");
        assert!(
            squeeze(&read("txt")).contains(&squeeze(&title)),
            "seed {seed}: text"
        );
    }
}

#[test]
#[ignore = "needs qpdf and poppler (pdfinfo, pdftotext)"]
fn hostile_titles_stay_text_in_the_pdf() {
    for seed in [1, 2, 3, 4] {
        let (title, out) = render_hostile(seed, "pdf");
        let squeeze = |s: &str| seen(s).replace(' ', "");
        // PDF: sound, A4, and every plain word of the title in its text.
        let pdf = file(&out, "pdf");
        run_tool("qpdf", &["--check"], &pdf);
        assert!(
            run_tool("pdfinfo", &[], &pdf).contains("(A4)"),
            "seed {seed}: the page size changed"
        );
        let pdf_words = squeeze(&pdf_text(&pdf)).replace('-', "");
        for word in title
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 5)
        {
            assert!(
                pdf_words.contains(word),
                "seed {seed}: `{word}` missing from the PDF"
            );
        }
    }
}

/// A placeholder of the labels written inside a data text is text, never filled: a region
/// named `… {high}` keeps its name, and no other region's value is pasted into it.
#[test]
fn a_placeholder_in_a_data_text_is_left_as_written() {
    let dir = crate::support::copy_of_data();
    let regions = dir.path().join("regions.ron");
    let text = std::fs::read_to_string(&regions).expect("regions.ron");
    let mut named = 0;
    let edited: Vec<String> = text
        .lines()
        .map(|line| match line.strip_prefix("            name_fr: \"") {
            Some(rest) => {
                named += 1;
                format!(
                    "            name_fr: \"{} {{high}}\",",
                    rest.trim_end_matches("\",")
                )
            }
            None => line.to_string(),
        })
        .collect();
    assert_eq!(named, 12, "every region's French name is edited");
    std::fs::write(&regions, edited.join("\n")).expect("write");
    let output = crate::support::jiha()
        .args([
            "render", "book", "-f", "md", "-l", "fr", "-o", "-", "--data",
        ])
        .arg(dir.path())
        .output()
        .expect("run");
    let book = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Each range "de X (Région {high}) à Y (Région {high})" keeps both names whole.
    assert!(book.contains("{high}) à "), "no range found");
    assert!(
        !book.contains("{high}))"),
        "a value was filled into a region's name"
    );
}
