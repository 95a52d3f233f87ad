//! Books made to measure: the book of a region (`--region`), of a list of briefs
//! (`--briefs`), and the `books` of the dataset; what each holds, links to and cites, and the
//! selections that match nothing.

use std::collections::BTreeSet;
use std::path::Path;

use tempfile::TempDir;

use crate::support::{Edit, broken, copy_of_data, jiha, tree};

/// Runs jiha with `args`, expecting success; its standard output.
fn run(args: &[&str], data: Option<&Path>) -> String {
    let mut cmd = jiha();
    cmd.args(args);
    if let Some(data) = data {
        cmd.arg("--data").arg(data);
    }
    let output = cmd.output().expect("run");
    assert!(
        output.status.success(),
        "jiha {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Attribute `attribute` of every element `selector` matches, in document order.
fn attributes(html: &str, selector: &str, attribute: &str) -> Vec<String> {
    let html = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).expect("selector");
    html.select(&selector)
        .filter_map(|e| e.value().attr(attribute).map(str::to_string))
        .collect()
}

/// The briefs a book holds, by anchor, in order.
fn briefs_held(book: &str) -> Vec<String> {
    attributes(book, "article.brief[id]", "id")
        .into_iter()
        .filter(|id| !["sources", "glossary", "colophon"].contains(&id.as_str()))
        .collect()
}

/// Every entry of a book's table of contents, as the anchor it leads to, in order.
fn contents(book: &str) -> Vec<String> {
    attributes(book, "nav.toc a", "href")
}

/// The `#anchor` links of a book that lead nowhere in it.
fn dangling(book: &str) -> Vec<String> {
    let ids: BTreeSet<String> = attributes(book, "[id]", "id").into_iter().collect();
    attributes(book, "a[href^='#']", "href")
        .into_iter()
        .filter(|href| !ids.contains(&href[1..]))
        .collect()
}

/// The sources a brief lists, by their numbers, as `(number, citation)`.
fn sources(html: &str) -> Vec<(usize, String)> {
    let html = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("ol.sources li").expect("selector");
    html.select(&selector)
        .map(|li| {
            let number = li.value().attr("value").and_then(|v| v.parse().ok());
            (number.expect("a number"), li.text().collect::<String>())
        })
        .collect()
}

/// The source numbers the glossary of a book cites.
fn glossary_citations(book: &str) -> BTreeSet<usize> {
    let html = scraper::Html::parse_document(book);
    let selector = scraper::Selector::parse("dl.glossary dd").expect("selector");
    html.select(&selector)
        .flat_map(|dd| {
            let text = dd.text().collect::<String>();
            let cited = text.rsplit_once('[').and_then(|(_, n)| n.strip_suffix(']'));
            cited.and_then(|n| n.parse().ok())
        })
        .collect()
}

/// The sources `book` lists are those `briefs` list on their own, and those its glossary
/// cites, each once, numbered from 1; returns them.
fn assert_sources_are_its_briefs(book: &str, briefs: &[String]) -> Vec<(usize, String)> {
    let listed = sources(book);
    let numbers: Vec<usize> = listed.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, (1..=listed.len()).collect::<Vec<_>>());
    let of_briefs: BTreeSet<String> = (briefs.iter())
        .flat_map(|brief| sources(brief).into_iter().map(|(_, s)| s))
        .collect();
    let glossary = glossary_citations(book);
    for (number, citation) in &listed {
        assert!(
            of_briefs.contains(citation) || glossary.contains(number),
            "[{number}] is cited by none of the book's briefs: {citation}"
        );
    }
    let in_book: BTreeSet<&String> = listed.iter().map(|(_, s)| s).collect();
    for citation in &of_briefs {
        assert!(
            in_book.contains(citation),
            "missing from the book: {citation}"
        );
    }
    listed
}

/// The ids of the proposals a region's brief lists, rendered beside every proposal so that it
/// links to their files: those that name it, then those that concern every region.
fn proposals_listed(region: &str) -> Vec<String> {
    attributes(region, "a[href^='../proposals/']", "href")
        .iter()
        .map(|href| {
            let file = href.trim_start_matches("../proposals/");
            file.trim_end_matches(".html").to_string()
        })
        .collect()
}

/// The words of a command line without quotes.
fn words(line: &str) -> Vec<&str> {
    line.split(' ').collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|_| panic!("{} missing", path.display()))
}

/// `jiha render book --region souss-massa` writes the book of Souss-Massa alone: its brief, the
/// proposals its own brief lists (those that name it, then those for the whole country or
/// every region), their sources and the glossary's, numbered from 1, and no link that leads
/// out of the book.
#[test]
fn the_book_of_a_region_holds_the_region_its_proposals_and_their_sources() {
    let out = TempDir::new().expect("tempdir");
    let dir = out.path().to_str().expect("UTF-8 path");
    let render = "render book --region souss-massa -f html -l fr -o";
    let printed = run(&[words(render), vec![dir]].concat(), None);
    assert_eq!(printed.lines().count(), 1, "{printed}");
    assert_eq!(
        tree(out.path()).into_keys().collect::<Vec<_>>(),
        ["fr/book.html"]
    );
    let book = read(&out.path().join("fr/book.html"));

    // The proposals the region's own brief lists, linked to their files when written beside it.
    let alone = TempDir::new().expect("tempdir");
    let alone_dir = alone.path().to_str().expect("UTF-8 path");
    let render = "render --kind region,proposal -f html -l fr -o";
    run(&[words(render), vec![alone_dir]].concat(), None);
    let region = read(&alone.path().join("fr/regions/souss-massa.html"));
    let concerned = proposals_listed(&region);
    assert!(concerned.contains(&"pole-agritech-agadir".to_string()));
    assert!(concerned.contains(&"connectivite-droit-fondamental".to_string()));
    assert!(!concerned.contains(&"pole-cybersecurite-oriental".to_string()));

    let mut expected = vec!["region-souss-massa".to_string()];
    expected.extend(concerned.iter().map(|id| format!("proposal-{id}")));
    assert_eq!(briefs_held(&book), expected);

    // The contents: Souss-Massa, the proposals that name it, those that concern it, under
    // the two parts that say which are which.
    let toc = contents(&book);
    let parts = [
        "#proposals-naming-souss-massa",
        "#national-proposals-souss-massa",
    ];
    assert_eq!(toc[1], parts[0], "{toc:?}");
    assert!(toc.contains(&parts[1].to_string()), "{toc:?}");
    let mut entries: Vec<String> = (toc.iter())
        .filter(|a| !parts.contains(&a.as_str()))
        .map(|a| a.trim_start_matches('#').to_string())
        .collect();
    let end = entries.split_off(entries.len() - 3);
    assert_eq!(end, ["sources", "glossary", "colophon"]);
    assert_eq!(entries, expected);
    assert!(!book.contains("id=\"region-oriental\""));
    assert_eq!(dangling(&book), Vec::<String>::new());

    // Its sources: those of its briefs and of the glossary, each once, numbered from 1.
    let mut briefs = vec![region];
    for id in &concerned {
        briefs.push(read(&alone.path().join(format!("fr/proposals/{id}.html"))));
    }
    let listed = assert_sources_are_its_briefs(&book, &briefs);
    let whole = run(
        &["render", "book", "-f", "html", "-l", "fr", "-o", "-"],
        None,
    );
    assert!(
        listed.len() < sources(&whole).len(),
        "the book of a region lists fewer sources than the whole book"
    );
}

/// `--briefs` makes a book of those briefs, in the order given; a brief of the book names the
/// others without linking out of it.
#[test]
fn the_book_of_a_list_of_briefs_holds_them_in_that_order() {
    let book = run(
        &[
            "render",
            "book",
            "--briefs",
            "pole-agritech-agadir,souss-massa",
            "-f",
            "html",
            "-l",
            "fr",
            "-o",
            "-",
        ],
        None,
    );
    assert_eq!(
        briefs_held(&book),
        ["proposal-pole-agritech-agadir", "region-souss-massa"]
    );
    assert_eq!(
        contents(&book),
        [
            "#proposal-pole-agritech-agadir",
            "#region-souss-massa",
            "#sources",
            "#glossary",
            "#colophon"
        ]
    );
    // The region brief names the nationwide proposals, which the book does not hold.
    assert!(book.contains("La plateforme ICT Academy"));
    assert_eq!(dangling(&book), Vec::<String>::new());
    assert!(
        attributes(&book, "a[href]", "href")
            .iter()
            .all(|h| h.starts_with('#') || h.starts_with("http")),
        "a link out of the book"
    );
    // Its title is the dataset's; the title of a region book is the region's name.
    assert!(book.contains("<h1 class=\"cover-title\">Régionalisation avancée"));
    let region = run(&["show", "book", "--region", "oriental", "-l", "en"], None);
    assert!(region.starts_with("Oriental\n"), "{region}");
}

/// The PDF of a region's book has its own contents and bookmarks.
#[test]
#[ignore = "needs qpdf and poppler (pdfinfo)"]
fn the_pdf_book_of_a_region_has_its_own_contents() {
    let out = TempDir::new().expect("tempdir");
    let dir = out.path().to_str().expect("UTF-8 path");
    run(
        &[
            "render",
            "book",
            "--region",
            "souss-massa",
            "-f",
            "pdf",
            "-l",
            "ar",
            "-o",
            dir,
        ],
        None,
    );
    let pdf = out.path().join("ar/book.pdf");
    let info = crate::support::run_tool("pdfinfo", &[], &pdf);
    assert!(info.contains("Title:           سوس-ماسة"), "{info}");
    let json = crate::support::run_tool("qpdf", &["--json", "--json-key=outlines"], &pdf);
    assert!(json.contains("سوس-ماسة"));
    assert!(
        !json.contains("الشرق"),
        "Oriental is not in the book of Souss-Massa"
    );
}

/// Every selection that matches nothing fails with what and why, a `help:` line and exit code
/// 1, in `render` and in `show`, and writes nothing.
#[test]
fn a_selection_that_matches_nothing_is_an_error() {
    let out = TempDir::new().expect("tempdir");
    let dir = out.path().to_str().expect("UTF-8 path");
    for (flag, value, says) in [
        (
            "--region",
            "souss-masa",
            "no region has the id `souss-masa`",
        ),
        ("--region", "", "`--region` names nothing"),
        (
            "--briefs",
            "overview,nowhere",
            "no brief has the id `nowhere`",
        ),
        ("--briefs", "", "`--briefs` names nothing"),
        ("--briefs", ",", "`--briefs` names nothing"),
        ("--briefs", "oriental,book", "`book` is a book"),
    ] {
        let render = ["render", "book", flag, value, "-f", "html", "-o", dir];
        let show = ["show", "book", flag, value];
        for args in [&render[..], &show[..]] {
            let output = jiha().args(args).output().expect("run");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
            assert!(stderr.contains(says), "{args:?}: {stderr}");
            assert!(stderr.contains("\nhelp: "), "{args:?}: {stderr}");
            assert!(output.stdout.is_empty(), "{args:?}");
        }
    }
    assert!(tree(out.path()).is_empty());
}

/// A region that no proposal concerns gives no book: it would hold the region's brief alone.
#[test]
fn the_book_of_a_region_no_proposal_concerns_is_an_error() {
    // Every proposal for the whole country or every region made one for the Oriental.
    let data = copy_of_data();
    let mut oriental = 0;
    for entry in std::fs::read_dir(data.path().join("proposals")).expect("proposals") {
        let path = entry.expect("entry").path();
        let text = read(&path);
        let mut changed = text.clone();
        for scope in ["scope: National,", "scope: EveryRegion,"] {
            changed = changed.replace(scope, "scope: Regions([\"oriental\"]),");
        }
        oriental += usize::from(changed.contains("scope: Regions([\"oriental\"]),"));
        std::fs::write(&path, changed).expect("write");
    }
    let output = jiha()
        .args(["render", "book", "--region", "draa-tafilalet", "-o", "-"])
        .arg("--data")
        .arg(data.path())
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: no proposal concerns the region `draa-tafilalet`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("\nhelp: `jiha render draa-tafilalet`"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    // The Oriental, which they all name now, has its book.
    let book = run(
        &[
            "render", "book", "--region", "oriental", "-f", "html", "-l", "fr", "-o", "-",
        ],
        Some(data.path()),
    );
    assert_eq!(briefs_held(&book).len(), 1 + oriental);
}

/// A book made to measure is rendered alone: other briefs or kinds with it are a usage
/// error.
#[test]
fn a_book_made_to_measure_is_rendered_alone() {
    for args in [
        &["render", "oriental", "--region", "souss-massa"][..],
        &["render", "--kind", "region", "--briefs", "oriental"][..],
        &["show", "oriental", "--region", "souss-massa"][..],
    ] {
        let output = jiha().args(args).output().expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("make the book alone"), "{args:?}: {stderr}");
    }
}

/// A copy of the dataset with a book `sud` of two regions' chapters and a chapter of briefs.
fn with_book_sud() -> TempDir {
    broken(&[Edit {
        file: "dataset.ron",
        find: "    ],\n)",
        replace: r#"    ],
    books: [
        Book(
            id: "sud",
            title: {"fr": "Le Sud", "en": "The South", "ar": "الجنوب"},
            chapters: [
                Region("souss-massa"),
                Region("guelmim-oued-noun"),
                Briefs(["overview", "pole-cybersecurite-oriental"]),
            ],
        ),
    ],
)"#,
    }])
}

/// The books of the dataset are briefs of their own: listed, rendered with every book as
/// `books/<id>.*`, shown; each holds its chapters in order, a brief once, where it first
/// falls.
#[test]
fn the_books_of_the_dataset_are_listed_and_rendered_as_books() {
    let data = with_book_sud();
    let list = run(&["list", "-l", "en"], Some(data.path()));
    assert!(
        list.lines()
            .any(|l| l.starts_with("sud ") && l.contains(" book ") && l.ends_with("The South")),
        "{list}"
    );
    let out = TempDir::new().expect("tempdir");
    let dir = out.path().to_str().expect("UTF-8 path");
    run(
        &[
            "render", "--kind", "book", "-f", "html", "-l", "fr", "-o", dir,
        ],
        Some(data.path()),
    );
    assert_eq!(
        tree(out.path()).into_keys().collect::<Vec<_>>(),
        ["fr/book.html", "fr/books/sud.html"]
    );
    let sud = read(&out.path().join("fr/books/sud.html"));
    let held = briefs_held(&sud);
    assert_eq!(held[0], "region-souss-massa");
    assert_eq!(held[1], "proposal-pole-agritech-agadir");
    // The nationwide proposals come with Souss-Massa, and not again with Guelmim-Oued Noun,
    // which no proposal names.
    let guelmim = held.iter().position(|b| b == "region-guelmim-oued-noun");
    assert_eq!(
        held[guelmim.expect("Guelmim-Oued Noun")..],
        [
            "region-guelmim-oued-noun",
            "overview",
            "proposal-pole-cybersecurite-oriental"
        ]
    );
    // Souss-Massa's proposals, as its own book holds them, then the Oriental's pole.
    let souss_massa = run(
        &words("render book --region souss-massa -f html -l fr -o -"),
        Some(data.path()),
    );
    let mut proposals = briefs_held(&souss_massa)[1..].to_vec();
    proposals.push("proposal-pole-cybersecurite-oriental".to_string());
    let in_sud: Vec<String> = (held.iter())
        .filter(|b| b.starts_with("proposal-"))
        .cloned()
        .collect();
    assert_eq!(in_sud, proposals);
    assert!(sud.contains("<h1 class=\"cover-title\">Le Sud</h1>"));
    assert_eq!(dangling(&sud), Vec::<String>::new());
    // The whole book is as it is without books.
    let whole = read(&out.path().join("fr/book.html"));
    let plain = run(
        &["render", "book", "-f", "html", "-l", "fr", "-o", "-"],
        None,
    );
    assert_eq!(whole, plain);
    let shown = run(&["show", "sud", "-l", "ar"], Some(data.path()));
    assert!(shown.starts_with("الجنوب\n"), "{shown}");
}
