//! What the HTML briefs contain: snapshots, escaping, self-containment, sourced figures.

use predicates::prelude::*;

use crate::support::{Edit, broken, jiha, without_font_data};

/// The French HTML edition, rendered once, as a user's `render -f html` writes it: every
/// brief beside the others it links to.
static EDITION: std::sync::LazyLock<tempfile::TempDir> = std::sync::LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().to_str().expect("a UTF-8 path");
    stdout_of(&["render", "-f", "html", "-l", "fr", "-o", out]);
    dir
});

/// The HTML of the brief `id` in the French edition.
fn render(id: &str) -> String {
    let fr = EDITION.path().join("fr");
    let path = [
        fr.join(format!("{id}.html")),
        fr.join(format!("proposals/{id}.html")),
    ]
    .into_iter()
    .chain([fr.join(format!("regions/{id}.html"))])
    .find(|p| p.exists())
    .unwrap_or_else(|| panic!("no brief `{id}` in the French edition"));
    std::fs::read_to_string(path).expect("a brief")
}

/// The hrefs of `html` that lead to another brief (not an anchor, not a source on the web).
fn file_links(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| !href.starts_with('#') && !href.starts_with("https:"))
        .collect()
}

#[test]
fn a_brief_links_only_to_briefs_that_are_written() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().to_str().expect("a UTF-8 path");
    let oriental =
        || std::fs::read_to_string(dir.path().join("fr/regions/oriental.html")).expect("the brief");
    // Alone: the proposals it names are named, not linked to files that do not exist.
    stdout_of(&["render", "oriental", "-f", "html", "-l", "fr", "-o", out]);
    assert!(oriental().contains("capitale\u{a0}» de la cybersécurité dans l’Oriental"));
    assert_eq!(file_links(&oriental()), Vec::<&str>::new());
    // With one proposal: that one is linked to its file.
    let with = ["oriental", "pole-cybersecurite-oriental"];
    stdout_of(
        &[
            &["render"],
            &with[..],
            &["-f", "html", "-l", "fr", "-o", out],
        ]
        .concat(),
    );
    assert_eq!(
        file_links(&oriental()),
        ["../proposals/pole-cybersecurite-oriental.html"]
    );
    // With the book: the others are linked to their place in it.
    stdout_of(&[
        "render", "oriental", "book", "-f", "html", "-l", "fr", "-o", out,
    ]);
    let html = oriental();
    let links = file_links(&html);
    assert!(!links.is_empty());
    assert!(
        links.iter().all(|l| l.starts_with("../book.html#")),
        "{links:?}"
    );
    // On standard output a brief stands alone.
    assert_eq!(
        file_links(&stdout_of(&["render", "oriental", "-o", "-"])),
        Vec::<&str>::new()
    );
}

/// What a successful `jiha` run prints.
fn stdout_of(args: &[&str]) -> String {
    let output = jiha().args(args).output().expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

#[test]
fn overview_snapshot() {
    insta::assert_snapshot!("overview.html", without_font_data(&render("overview")));
}

#[test]
fn region_snapshot() {
    insta::assert_snapshot!(
        "region-oriental.html",
        without_font_data(&render("oriental"))
    );
}

#[test]
fn proposal_snapshot() {
    insta::assert_snapshot!(
        "proposal-programme-spark.html",
        without_font_data(&render("programme-spark"))
    );
}

#[test]
fn html_loads_nothing_from_outside() {
    let book = render("book");
    // The one script element is data that never runs: the claims as JSON-LD.
    let book = book.replacen("<script type=\"application/ld+json\">", "", 1);
    for forbidden in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        " src=",
        "href=\"http://",
        "@import",
        "<image",
    ] {
        assert!(!book.contains(forbidden), "the book contains `{forbidden}`");
    }
    // The drawings' fills refer to patterns inside the page, the fonts are inside it.
    for (i, _) in book.match_indices("url(") {
        assert!(
            book[i..].starts_with("url(#") || book[i..].starts_with("url(data:font/woff;base64,"),
            "an external url( at {i}"
        );
    }
    assert!(book.contains(
        "Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         img-src data:; font-src data:; base-uri 'none'; form-action 'none'\""
    ));
}

/// The `(family, weight, style)` of each `@font-face` rule of `html`.
fn font_faces(html: &str) -> Vec<String> {
    html.split("@font-face { font-family: \"")
        .skip(1)
        .map(|rule| {
            let field = |key: &str| rule.split(key).nth(1).and_then(|r| r.split(';').next());
            format!(
                "{} {} {}",
                rule.split('"').next().unwrap_or_default(),
                field("font-weight: ").unwrap_or_default(),
                field("font-style: ").unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn html_embeds_the_pdf_fonts_it_shows() {
    // The French region brief shows Latin text in three faces and its Arabic name in Amiri,
    // as its PDF does.
    let oriental = render("oriental");
    assert_eq!(
        font_faces(&oriental),
        [
            "Libertinus Serif 400 normal",
            "Libertinus Serif 700 normal",
            "Libertinus Serif 400 italic",
            "Amiri 400 normal"
        ]
    );
    assert!(oriental.contains("font-family: var(--latin);"));
    // The Arabic edition: Amiri first, in both weights.
    let arabic = stdout_of(&["render", "oriental", "-f", "html", "-l", "ar", "-o", "-"]);
    let faces = font_faces(&arabic);
    assert_eq!(faces[..2], ["Amiri 400 normal", "Amiri 700 normal"]);
    assert!(arabic.contains(":root { --latin: \"Libertinus Serif\", \"Amiri\""));
    // Each brief's fonts are cut to its own text: the book's Latin face carries more.
    let size = |html: &str| {
        html.split("base64,")
            .nth(1)
            .and_then(|r| r.split(')').next())
            .map_or(0, str::len)
    };
    assert!(size(&render("book")) > size(&oriental));
}

#[test]
fn every_table_scrolls_inside_a_labelled_box() {
    for id in ["book", "overview", "oriental", "programme-spark"] {
        let html = render(id);
        let tables = html.matches("<table").count();
        assert!(tables > 0, "{id}");
        let boxed = html
            .matches("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
            .count();
        assert_eq!(boxed, tables, "{id}");
        assert!(
            !html.contains("aria-label=\"\""),
            "{id}: a box without a label"
        );
        for piece in html.split("<table").skip(1) {
            assert!(
                piece.contains("</table>\n</div>"),
                "{id}: a table outside its box"
            );
        }
    }
}

#[test]
fn text_from_data_is_escaped() {
    let dir = broken(&[Edit {
        file: "proposals/programme-spark.ron",
        find: "\"fr\": \"Spark, un programme",
        replace: "\"fr\": \"<script>alert(1)</script> & <b>Spark</b>, un programme",
    }]);
    jiha()
        .args(["render", "programme-spark", "-o", "-", "--data"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#60;b&#62;Spark",
        ))
        .stdout(predicate::str::contains("<script").not())
        .stdout(predicate::str::contains("<b>").not());
}

#[test]
fn every_figure_shows_its_status_and_source() {
    let page = render("overview");
    // What the reader sees: the body (the head's JSON-LD repeats the claims for machines).
    let overview = page.split("</head>").nth(1).expect("a body");
    let rows: Vec<&str> = overview
        .split("<table class=\"figures\">")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .expect("a figures table")
        .split("<tr>")
        .skip(2)
        .collect();
    assert_eq!(rows.len(), 13, "one row per figure");
    for row in rows {
        assert!(row.contains("class=\"status "), "no status in {row}");
        assert!(row.contains("href=\"#source-"), "no source in {row}");
    }
    // The speaker's figures are his claims, never facts.
    assert_eq!(
        overview
            .matches("Affirmation de la voix citée, non vérifiée")
            .count(),
        5
    );
}

#[test]
fn region_brief_compares_with_the_nation() {
    let oriental = render("oriental");
    assert!(oriental.contains("Taux de chômage (2024)"));
    assert!(oriental.contains("<td class=\"num\">30,4\u{a0}%</td><td class=\"num\">21,3\u{a0}%</td><td class=\"num\">+9,1\u{a0}pt</td>"));
    assert!(oriental.contains("−0,9\u{a0}% entre 2014 et 2024"));
    assert!(oriental.contains("pole-cybersecurite-oriental.html"));
    let fes = render("fes-meknes");
    assert!(fes.contains(
        "Aucune des voix citées ne formule de proposition propre à la région Fès-Meknès"
    ));
}

#[test]
fn book_has_everything_in_order() {
    let book = render("book");
    let mut at = 0;
    for marker in [
        "class=\"cover\"",
        "Table des matières",
        "id=\"overview\"",
        "id=\"proposal-connectivite-droit-fondamental\"",
        "id=\"proposal-ecosystemes-regionaux\"",
        "id=\"region-tanger-tetouan-al-hoceima\"",
        "id=\"region-dakhla-oued-ed-dahab\"",
        "id=\"sources\"",
        "id=\"glossary\"",
        "id=\"colophon\"",
        "CC BY 4.0",
        "SIL Open Font License 1.1",
    ] {
        let found = book[at..]
            .find(marker)
            .unwrap_or_else(|| panic!("`{marker}` missing or out of order"));
        at += found;
    }
    assert!(book.contains("MIT"));
}

/// A web address is read left to right even in an Arabic brief: otherwise the bidi algorithm
/// moves its trailing `/` to the front. HTML isolates it with `dir="ltr"`, Typst with
/// LRI … PDI (`\u{2066}` … `\u{2069}` in the Typst source), on a line of its own: split
/// across a line end, its halves would sit at opposite ends of the two lines.
#[test]
fn web_addresses_keep_their_direction_in_arabic() {
    let html = scraper::Html::parse_document(&stdout_of(&[
        "render", "book", "-f", "html", "-l", "ar", "-o", "-",
    ]));
    let links = scraper::Selector::parse("a.url").expect("selector");
    let urls: Vec<_> = html.select(&links).collect();
    assert!(urls.len() >= 10, "the book cites its sources' addresses");
    for a in urls {
        assert_eq!(a.value().attr("dir"), Some("ltr"), "{}", a.html());
    }

    let typst = stdout_of(&["render", "book", "-f", "typst", "-l", "ar", "-o", "-"]);
    assert!(typst.matches("#web-address(\"").count() >= 10);
    assert!(
        !typst.contains("#link(\""),
        "every web address is shown by `web-address`"
    );
    assert!(
        typst.contains("linebreak()\n  around.at(0)\n  link(url, text(size, \"\\u{2066}\" + url + \"\\u{2069}\"))"),
        "`web-address` puts the address on its own line, isolated left to right"
    );
}

/// The `ClaimReview`s of an HTML page's JSON-LD, parsed; none without one.
fn claim_reviews(html: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    let Some(start) = html.find(open) else {
        return Vec::new();
    };
    let body = &html[start + open.len()..];
    let json = &body[..body.find("</script>").expect("the element ends")];
    match serde_json::from_str(json).expect("JSON-LD parses as JSON") {
        serde_json::Value::Array(reviews) => reviews,
        other => panic!("not an array: {other}"),
    }
}

/// The schema.org fields a `ClaimReview` of the speaker's claim fills in.
fn assert_is_a_claim_review(r: &serde_json::Value, path: &str) {
    assert_eq!(r["@context"], "https://schema.org", "{path}");
    assert_eq!(r["@type"], "ClaimReview");
    for field in ["claimReviewed", "datePublished", "inLanguage"] {
        assert!(
            r[field].as_str().is_some_and(|s| !s.is_empty()),
            "{path}: {field}"
        );
    }
    assert_eq!(r["itemReviewed"]["@type"], "Claim");
    assert_eq!(r["itemReviewed"]["author"]["@type"], "Person");
    let speaker = r["itemReviewed"]["author"]["name"].as_str();
    assert!(speaker.is_some_and(|s| !s.is_empty()), "{path}");
    let url = r["itemReviewed"]["appearance"]["url"].as_str();
    assert!(url.is_some_and(|u| u.starts_with("https://")), "{path}");
    assert_eq!(r["author"]["@type"], "Organization");
    let verdict = r["reviewRating"]["alternateName"]
        .as_str()
        .expect("a verdict");
    assert!(!verdict.is_empty());
}

#[test]
fn each_claim_of_the_speaker_is_a_claim_review_in_the_page() {
    let dir = tempfile::TempDir::new().expect("tempdir");
    jiha()
        .args([
            "render",
            "overview",
            "connectivite-droit-fondamental",
            "ict-academy-e-learning",
            "oriental",
            "-f",
            "html",
            "-l",
            "fr,ar",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let read = |path: &str| std::fs::read_to_string(dir.path().join(path)).expect(path);
    // The overview shows the five figures the speaker gives; the proposal its three; the
    // proposal whose figures are reported facts, and the region, none.
    for (path, claims) in [
        ("fr/overview.html", 5),
        ("ar/overview.html", 5),
        ("fr/proposals/connectivite-droit-fondamental.html", 3),
        ("fr/proposals/ict-academy-e-learning.html", 1),
        ("fr/regions/oriental.html", 0),
    ] {
        let html = read(path);
        let reviews = claim_reviews(&html);
        assert_eq!(reviews.len(), claims, "{path}");
        reviews
            .iter()
            .for_each(|r| assert_is_a_claim_review(r, path));
        // The page still runs nothing: its policy is unchanged, and no other script.
        assert!(html.contains("content=\"default-src 'none';"));
        assert_eq!(
            html.matches("<script").count(),
            usize::from(claims > 0),
            "{path}"
        );
    }

    let fr = claim_reviews(&read("fr/overview.html"));
    let huawei = fr
        .iter()
        .find(|r| r["itemReviewed"]["text"] == "20 ans d'existence au Maroc")
        .expect("the claim of 20 years, with his words");
    assert_eq!(huawei["itemReviewed"]["author"]["name"], "Chakib Achour");
    assert_eq!(huawei["inLanguage"], "fr");
    assert!(
        huawei["claimReviewed"]
            .as_str()
            .unwrap_or_default()
            .contains("20")
    );
    let ar = claim_reviews(&read("ar/overview.html"));
    assert_eq!(ar[0]["inLanguage"], "ar");
    assert_eq!(ar[0]["itemReviewed"]["author"]["name"], "شكيب عاشور");
}
