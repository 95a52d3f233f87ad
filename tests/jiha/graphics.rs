//! Maps and charts: they parse as SVG, say what they show, and reach every format.

use tempfile::TempDir;

use crate::support::{jiha, pdf_text, squash, tree};

/// The SVG drawings of an HTML page.
fn drawings(html: &str) -> Vec<&str> {
    html.split("<svg ")
        .skip(1)
        .map(|rest| &rest[..rest.find("</svg>").expect("closed svg")])
        .collect()
}

fn parse(svg_body: &str) -> usvg::Tree {
    let svg = format!("<svg {svg_body}</svg>");
    usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("the drawing is valid SVG")
}

#[test]
fn every_region_brief_has_its_chart_and_map_in_every_language() {
    let out = TempDir::new().expect("tempdir");
    jiha()
        .args(["render", "-f", "html,md,txt", "--lang", "all", "-o"])
        .arg(out.path())
        .assert()
        .success();
    let files = tree(out.path());
    let regions: Vec<&String> = files
        .keys()
        .filter(|k| k.contains("/regions/") && k.ends_with(".html"))
        .collect();
    assert_eq!(regions.len(), 36);
    for path in regions {
        let html = String::from_utf8_lossy(&files[path]).into_owned();
        let svgs = drawings(&html);
        assert_eq!(svgs.len(), 2, "{path}: a chart and a map");
        for svg in &svgs {
            let tree = parse(svg);
            assert!(tree.size().width() > 100.0);
            assert!(svg.contains("role=\"img\" aria-label=\""), "{path}");
            assert!(svg.contains("<title>"), "{path}");
        }
        // The chart has five bars, the map twelve regions, one of them highlighted.
        assert_eq!(
            svgs[0].matches("fill=\"#9a9a9a\"").count(),
            6,
            "{path}: 5 bars and the legend"
        );
        assert_eq!(svgs[1].matches("<path ").count(), 12, "{path}");
        assert_eq!(
            svgs[1].matches("fill=\"#3a3a3a\"").count(),
            2,
            "{path}: the region and its legend"
        );
    }
    // Markdown and text carry the map's content as a table.
    for lang in ["fr", "en", "ar"] {
        for ext in ["md", "txt"] {
            let overview =
                String::from_utf8_lossy(&files[&format!("{lang}/overview.{ext}")]).into_owned();
            let pole = match lang {
                "fr" => "Cybersécurité (Oujda)",
                "en" => "Cybersecurity (Oujda)",
                _ => "الأمن السيبراني (وجدة)",
            };
            assert!(overview.contains(pole), "{lang}/overview.{ext}");
        }
    }
}

#[test]
fn the_overview_map_labels_the_four_poles() {
    let output = jiha()
        .args(["render", "overview", "-f", "html", "-l", "fr", "-o", "-"])
        .output()
        .expect("run");
    let html = String::from_utf8(output.stdout).expect("utf-8");
    let svgs = drawings(&html);
    assert_eq!(svgs.len(), 1);
    let map = svgs[0];
    parse(map);
    for pole in [
        "Industrie 4.0 (Tanger)",
        "Cybersécurité (Oujda)",
        "Agri-tech (Agadir)",
        "E-tourisme (Marrakech)",
    ] {
        assert!(map.contains(pole), "{pole}");
    }
    assert_eq!(
        map.matches("fill=\"url(#hatch)\"").count(),
        5,
        "4 pole regions and the legend"
    );
    assert!(
        map.contains("Région où l’orateur propose un pôle"),
        "legend"
    );
    assert!(
        html.contains("Contours simplifiés des régions"),
        "caption with the source"
    );
}

#[test]
#[ignore = "needs poppler (pdftotext)"]
fn the_pdfs_carry_the_figures() {
    let out = TempDir::new().expect("tempdir");
    jiha()
        .args([
            "render", "overview", "oriental", "-f", "pdf", "-l", "fr", "-o",
        ])
        .arg(out.path())
        .assert()
        .success();
    let overview = squash(&pdf_text(&out.path().join("fr/overview.pdf")));
    assert!(
        overview.contains("Les pôles de compétence proposés par l’orateur"),
        "{overview}"
    );
    let region = squash(&pdf_text(&out.path().join("fr/regions/oriental.pdf")));
    assert!(region.contains("Oriental face à la moyenne nationale (%)"));
    assert!(region.contains("La région Oriental parmi les douze régions"));
}
