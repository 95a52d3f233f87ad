//! A house style of the user's own: `export-style` writes the built-in one, `render --style`
//! adds a stylesheet and a Typst preamble after the built-in ones, and a logo on the book's
//! cover.

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::jiha;

#[test]
fn an_exported_style_passed_back_changes_nothing() {
    let work = TempDir::new().expect("tempdir");
    let style = work.path().join("style");
    jiha().arg("export-style").arg(&style).assert().success();
    let css = std::fs::read_to_string(style.join("style.css")).expect("style.css");
    assert!(css.contains(include_str!("../../templates/style.css")));
    let typst = std::fs::read_to_string(style.join("preamble.typ")).expect("preamble.typ");
    // Every line of the preamble is commented out, the running head's rule among them.
    assert!(typst.lines().all(|l| l.starts_with("//")), "{typst}");
    assert!(typst.contains("// #set page("));
    // Exported again over it: refused without --force.
    jiha()
        .arg("export-style")
        .arg(&style)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exist"));
    let (plain, styled) = (work.path().join("plain"), work.path().join("styled"));
    for (out, with_style) in [(&plain, false), (&styled, true)] {
        let mut cmd = jiha();
        cmd.args(["render", "overview", "-f", "pdf", "-l", "fr,ar", "-o"])
            .arg(out);
        if with_style {
            cmd.arg("--style").arg(&style);
        }
        cmd.assert().success();
    }
    for lang in ["fr", "ar"] {
        let path = format!("{lang}/overview.pdf");
        assert!(
            std::fs::read(plain.join(&path)).expect("plain")
                == std::fs::read(styled.join(&path)).expect("styled"),
            "{path}: the exported style changed the PDF"
        );
    }
}

#[test]
fn a_style_comes_after_the_built_in_one() {
    let work = TempDir::new().expect("tempdir");
    let style = work.path().join("style");
    std::fs::create_dir(&style).expect("mkdir");
    std::fs::write(style.join("style.css"), "h1 { color: rgb(10, 20, 30); }\n").expect("css");
    std::fs::write(
        style.join("preamble.typ"),
        "#set text(fill: rgb(\"#0a141e\"))\n",
    )
    .expect("typst");
    let out = work.path().join("out");
    jiha()
        .args([
            "render",
            "oriental",
            "-f",
            "html,typst,pdf",
            "-l",
            "ar",
            "--style",
        ])
        .arg(&style)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("ar/regions/oriental.html")).expect("html");
    let (builtin, user) = (
        html.find("@page").expect("the built-in stylesheet"),
        html.find("h1 { color: rgb(10, 20, 30); }")
            .expect("the user's CSS"),
    );
    let end = html.find("</style>").expect("</style>");
    assert!(
        builtin < user && user < end,
        "the user's CSS is not after the built-in one"
    );
    let typst = std::fs::read_to_string(out.join("ar/regions/oriental.typ")).expect("typ");
    let (preamble_end, user) = (
        typst
            .find("// End of the preamble")
            .expect("the preamble's end"),
        typst
            .find("#set text(fill: rgb(\"#0a141e\"))")
            .expect("the user's preamble"),
    );
    assert!(preamble_end < user && user < typst.find("#running-head").expect("the brief"));
    assert!(out.join("ar/regions/oriental.pdf").exists());
}

#[test]
fn a_style_that_would_break_the_page_or_load_something_is_refused_where_it_is() {
    let work = TempDir::new().expect("tempdir");
    let style = work.path().join("style");
    std::fs::create_dir(&style).expect("mkdir");
    let out = work.path().join("out");
    for (css, line, what) in [
        (
            "a { color: red; }\n</STYLE><script>alert(1)</script>\n",
            2,
            "`</style`",
        ),
        ("@import \"https://example.org/x.css\";\n", 1, "`@import`"),
        (
            "b {}\n\nbody { background: url(https://example.org/x.png); }\n",
            3,
            "`url(`",
        ),
    ] {
        std::fs::write(style.join("style.css"), css).expect("css");
        jiha()
            .args(["render", "overview", "--style"])
            .arg(&style)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "style.css:{line}: {what}"
            )));
        assert!(!out.exists(), "a refused style wrote {}", out.display());
    }
    std::fs::remove_file(style.join("style.css")).expect("rm");
    jiha()
        .args(["render", "overview", "--style"])
        .arg(&style)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "holds none of `style.css`, `preamble.typ` and `logo.svg`",
        ));
}

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 20">
  <title>Observatoire régional</title>
  <rect width="20" height="20" fill="#1d3557"/>
  <circle cx="40" cy="10" r="9" fill="#e63946"/>
</svg>
"##;

#[test]
fn a_logo_is_drawn_on_the_book_cover_in_html_and_pdf() {
    let work = TempDir::new().expect("tempdir");
    let style = work.path().join("style");
    std::fs::create_dir(&style).expect("mkdir");
    std::fs::write(style.join("logo.svg"), LOGO).expect("logo");
    let out = work.path().join("out");
    jiha()
        .args([
            "render",
            "book",
            "-f",
            "html,typst,pdf",
            "-l",
            "fr,ar",
            "--style",
        ])
        .arg(&style)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("fr/book.html")).expect("html");
    let img = html
        .find("<img class=\"logo\" src=\"data:image/svg+xml;base64,")
        .expect("the logo on the cover");
    assert!(
        img < html
            .find("class=\"publisher\"")
            .expect("the publisher's line")
    );
    assert!(html[img..].contains("alt=\"Observatoire régional\""));
    let typst = std::fs::read_to_string(out.join("ar/book.typ")).expect("typ");
    assert!(
        typst.contains("format: \"svg\", height: 16mm, alt: \"Observatoire régional\""),
        "the logo is not on the Typst cover"
    );
    assert!(
        typst.contains("<circle cx=\\\"40\\\""),
        "the drawing is not in the source"
    );
    assert!(out.join("ar/book.pdf").exists());
    // The other briefs have no cover, and a book without a logo draws none.
    let overview = std::fs::read_to_string(out.join("fr/overview.html"));
    assert!(overview.is_err(), "only the book was asked for");
    let plain = work.path().join("plain");
    jiha()
        .args(["render", "book", "-f", "html", "-l", "fr", "-o"])
        .arg(&plain)
        .assert()
        .success();
    let html = std::fs::read_to_string(plain.join("fr/book.html")).expect("html");
    assert!(!html.contains("class=\"logo\""));
}

#[test]
fn a_logo_that_runs_or_loads_something_is_refused_where_it_is() {
    let work = TempDir::new().expect("tempdir");
    let style = work.path().join("style");
    std::fs::create_dir(&style).expect("mkdir");
    let out = work.path().join("out");
    for (svg, at) in [
        (
            LOGO.replace("<circle", "<script>alert(1)</script>\n  <circle"),
            "logo.svg:4: `<script>` is refused",
        ),
        (
            LOGO.replace(
                "<circle",
                "<image href=\"https://example.org/x.png\"/><circle",
            ),
            "logo.svg:4: `href` must point inside the file",
        ),
        (
            LOGO.replace("  <title>Observatoire régional</title>\n", ""),
            "logo.svg:1: needs a `<title>`",
        ),
        ("not svg".to_string(), "logo.svg:1: is not well-formed SVG"),
    ] {
        std::fs::write(style.join("logo.svg"), svg).expect("logo");
        jiha()
            .args(["render", "book", "--style"])
            .arg(&style)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(at));
        assert!(!out.exists(), "a refused logo wrote {}", out.display());
    }
}
