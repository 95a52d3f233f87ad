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

/// One thing drawn: its element (`path`, `rect`, `text`...), its attributes, and its words
/// (a `<text>`'s, or the `<title>` a region's outline carries).
#[derive(Debug)]
struct Mark {
    name: String,
    attrs: std::collections::BTreeMap<String, String>,
    words: String,
}

impl Mark {
    fn attr(&self, name: &str) -> &str {
        self.attrs.get(name).map_or("", String::as_str)
    }

    fn number(&self, name: &str) -> f64 {
        self.attr(name)
            .parse()
            .unwrap_or_else(|_| panic!("`{name}` of {self:?}"))
    }
}

/// What a drawing shows, in document (painting) order: its size (the viewBox's width and
/// height) and its marks, without the pattern definitions.
fn marks(svg_body: &str) -> ((f64, f64), Vec<Mark>) {
    let fragment = scraper::Html::parse_fragment(&format!("<svg {svg_body}</svg>"));
    let svg = fragment
        .select(&scraper::Selector::parse("svg").expect("selector"))
        .next()
        .expect("an svg element");
    let view_box: Vec<f64> = svg
        .value()
        .attr("viewBox")
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().expect("a number"))
        .collect();
    assert_eq!(view_box[..2], [0.0, 0.0], "the viewBox starts at 0 0");
    let mut found = Vec::new();
    for node in svg.descendants() {
        let Some(element) = scraper::ElementRef::wrap(node) else {
            continue;
        };
        let name = element.value().name();
        let in_defs = element.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "defs" | "pattern"))
        });
        if in_defs || !matches!(name, "path" | "rect" | "circle" | "line" | "text") {
            continue;
        }
        found.push(Mark {
            name: name.to_string(),
            attrs: element
                .value()
                .attrs()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            words: element.text().collect::<String>().trim().to_string(),
        });
    }
    ((view_box[2], view_box[3]), found)
}

/// A legend entry: its swatch, and the label that follows it.
type Entry<'a> = (&'a Mark, &'a str);

/// A region of a map: its name (the outline's `<title>`) and its fill.
type Drawn<'a> = (&'a str, &'a str);

/// The legend of a drawing: each swatch (`rect`) that a label follows, with that label.
fn legend(marks: &[Mark]) -> Vec<Entry<'_>> {
    marks
        .windows(2)
        .filter(|w| w[0].name == "rect" && w[1].name == "text")
        .map(|w| (&w[0], w[1].words.as_str()))
        .collect()
}

/// Checks that a map's legend names what is drawn: every way a region is filled has exactly
/// one legend swatch filled the same way, and every swatch is filled like some region.
/// Returns the regions (name, fill) and the legend.
fn map_regions_and_legend<'a>(map: &'a [Mark], what: &str) -> (Vec<Drawn<'a>>, Vec<Entry<'a>>) {
    let regions: Vec<Drawn> = map
        .iter()
        .filter(|m| m.name == "path")
        .map(|m| (m.words.as_str(), m.attr("fill")))
        .collect();
    assert_eq!(regions.len(), 12, "{what}: twelve regions");
    assert!(
        regions
            .iter()
            .all(|(name, fill)| !name.is_empty() && !fill.is_empty()),
        "{what}: every region is named and filled"
    );
    let legend = legend(map);
    for (_, fill) in &regions {
        assert_eq!(
            legend
                .iter()
                .filter(|(s, _)| s.attr("fill") == *fill)
                .count(),
            1,
            "{what}: one legend entry for the regions drawn like this"
        );
    }
    for (swatch, label) in &legend {
        assert!(
            regions.iter().any(|(_, fill)| *fill == swatch.attr("fill")),
            "{what}: the legend shows `{label}`, drawn like no region"
        );
        assert!(!label.is_empty(), "{what}: a swatch without a label");
    }
    (regions, legend)
}

/// Region ids and their French names, as `data/regions.ron` has them (the names the map's
/// outlines carry).
fn region_names() -> std::collections::BTreeMap<String, String> {
    let text = std::fs::read_to_string(crate::support::data_dir().join("regions.ron"))
        .expect("read regions.ron");
    let value = |line: &str, key: &str| {
        line.trim()
            .strip_prefix(key)
            .map(|rest| rest.trim_end_matches(',').trim_matches('"').to_string())
    };
    let mut names = std::collections::BTreeMap::new();
    let mut id = None;
    for line in text.lines() {
        if let Some(v) = value(line, "id: ") {
            id = Some(v);
        } else if let (Some(name), Some(_)) = (value(line, "name_fr: "), &id) {
            // (The nation's name comes first, with no id.)
            names.insert(id.take().expect("an id"), name);
        }
    }
    assert_eq!(names.len(), 12, "{names:?}");
    names
}

/// A region's chart: five bars, and below them a legend swatch drawn like the bars, whose
/// label says what they are.
fn assert_chart_reads(svg: &str, path: &str) {
    let (_, chart) = marks(svg);
    let rects: Vec<&Mark> = chart.iter().filter(|m| m.name == "rect").collect();
    assert_eq!(rects.len(), 6, "{path}: 5 bars and the legend's swatch");
    let (swatch, bars) = rects.split_last().expect("rects");
    assert!(
        !swatch.attr("fill").is_empty() && swatch.attr("fill") != "none",
        "{path}: the bars are filled"
    );
    for bar in bars {
        assert_eq!(
            bar.attr("fill"),
            swatch.attr("fill"),
            "{path}: the legend's swatch looks like the bars"
        );
        assert!(bar.number("y") < swatch.number("y"), "{path}: legend below");
    }
    let label = legend(&chart)
        .into_iter()
        .find(|(s, _)| std::ptr::eq(*s, *swatch))
        .map(|(_, label)| label)
        .expect("the swatch has a label");
    assert!(!label.is_empty(), "{path}: the legend names the bars");
}

/// A region's map: twelve regions; the brief's region, and it alone, is drawn unlike every
/// other; the legend has one entry drawn like it.
fn assert_map_highlights_its_region(
    svg: &str,
    path: &str,
    names: &std::collections::BTreeMap<String, String>,
) {
    let (_, map) = marks(svg);
    let (regions, legend) = map_regions_and_legend(&map, path);
    let unique: Vec<&(&str, &str)> = regions
        .iter()
        .filter(|(_, fill)| regions.iter().filter(|(_, f)| f == fill).count() == 1)
        .collect();
    let id = path
        .rsplit('/')
        .next()
        .and_then(|f| f.strip_suffix(".html"))
        .expect("a region file");
    assert_eq!(
        unique.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
        [names[id].as_str()],
        "{path}: only the brief's region stands out"
    );
    let highlighted = unique[0].1;
    assert_eq!(
        map.iter().filter(|m| m.attr("fill") == highlighted).count(),
        2,
        "{path}: the region and its legend"
    );
    let (_, label) = legend
        .iter()
        .find(|(s, _)| s.attr("fill") == highlighted)
        .expect("a legend entry for the brief's region");
    assert!(
        legend.iter().filter(|(_, l)| l == label).count() == 1,
        "{path}: its legend label is its own"
    );
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
    let names = region_names();
    for path in regions {
        let html = String::from_utf8_lossy(&files[path]).into_owned();
        let svgs = drawings(&html);
        assert_eq!(svgs.len(), 3, "{path}: a chart, a map and a province map");
        for svg in &svgs {
            let tree = parse(svg);
            assert!(tree.size().width() > 100.0);
            assert!(svg.contains("role=\"img\" aria-label=\""), "{path}");
            assert!(svg.contains("<title>"), "{path}");
        }
        assert_chart_reads(svgs[0], path);
        assert_map_highlights_its_region(svgs[1], path, &names);
        assert_provinces_numbered_once(svgs[2], &html, path);
    }
    // Markdown and text carry the map's content as a table.
    for lang in ["fr", "en", "ar"] {
        for ext in ["md", "txt"] {
            let oriental =
                String::from_utf8_lossy(&files[&format!("{lang}/regions/oriental.{ext}")])
                    .replace('\\', "");
            let jerada = if lang == "ar" { "جرادة" } else { "Jerada" };
            let value = ["43,5", "43.5"].iter().any(|v| oriental.contains(v));
            assert!(
                oriental.contains(jerada) && value,
                "{lang}/regions/oriental.{ext}: the key"
            );
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

/// Where a region's own map marks its chef-lieu, across (the white dot of the highlighted
/// region).
/// A province map draws one shape per province of its key, numbers each once (a number is
/// two texts: its halo, then itself), and has a description and its five classes.
fn assert_provinces_numbered_once(svg: &str, html: &str, path: &str) {
    let key = html.matches("<li value=\"").count();
    assert!(key >= 2, "{path}: {key} provinces in the key");
    assert_eq!(
        svg.matches("fill-rule=\"evenodd\"").count(),
        key,
        "{path}: one shape each"
    );
    for n in 1..=key {
        let drawn = svg.matches(&format!(">{n}</text>")).count();
        assert_eq!(
            drawn, 2,
            "{path}: number {n} drawn {drawn} times, not once with its halo"
        );
    }
    assert!(svg.contains("<desc>"), "{path}: a description");
    for grey in ["#f2f2f2", "#c9c9c9", "#9e9e9e", "#6e6e6e", "#3d3d3d"] {
        assert!(
            svg.contains(&format!("fill=\"{grey}\" stroke=\"#444\"")),
            "{path}: legend {grey}"
        );
    }
}

fn chef_lieu_x(region: &str) -> f64 {
    let output = jiha()
        .args(["render", region, "-f", "html", "-l", "fr", "-o", "-"])
        .output()
        .expect("run");
    let html = String::from_utf8(output.stdout).expect("utf-8");
    let (_, map) = marks(drawings(&html)[1]);
    map.iter()
        .find(|m| m.name == "circle" && m.attr("fill") == "#ffffff")
        .expect("the chef-lieu's dot")
        .number("cx")
}

/// The legend names every mark of the overview's map (the ring, the dot, the number), and
/// the regions carry their numbers.
fn assert_legend_and_numbers(map: &[Mark], rings: &[&Mark], dots: &[&Mark]) {
    // The legend names every mark: the ring, the dot, the number.
    let next = |mark: &Mark| {
        let i = map
            .iter()
            .position(|m| std::ptr::eq(m, mark))
            .expect("a mark");
        map[i + 1].words.as_str()
    };
    assert_eq!(next(rings[4]), "Ville où un pôle est évoqué");
    assert_eq!(next(dots[dots.len() - 2]), "Chef-lieu de région");
    assert!(
        map.windows(2)
            .any(|w| w[0].words == "01"
                && w[1].words == "Numéro de la région, comme dans le tableau"),
        "the legend explains the numbers"
    );
    // The regions carry their numbers, 01 to 12, as the coverage table does.
    for n in 1..=12 {
        let number = format!("{n:02}");
        assert!(
            map.iter().any(|m| m.name == "text" && m.words == number),
            "no region numbered {number}"
        );
    }
}

/// Each pole is labelled in bold (its text laid out inside the drawing: see drawing_layout);
/// a dashed leader runs from each label to a ring around a chef-lieu's dot, the city the
/// label names.
fn assert_poles_lead_to_their_cities(map: &[Mark], (width, height): (f64, f64)) {
    let dots: Vec<&Mark> = map
        .iter()
        .filter(|m| m.name == "circle" && m.attr("r") == "3" && m.attr("fill") != "none")
        .collect();
    let rings: Vec<&Mark> = map
        .iter()
        .filter(|m| m.name == "circle" && m.attr("fill") == "none")
        .collect();
    let leaders: Vec<&Mark> = map
        .iter()
        .filter(|m| m.name == "line" && !m.attr("stroke-dasharray").is_empty())
        .collect();
    assert_eq!(
        (rings.len(), leaders.len()),
        (5, 4),
        "4 rings, 4 leaders, and the legend's ring"
    );
    for (pole, region) in [
        ("Industrie 4.0 (Tanger)", "tanger-tetouan-al-hoceima"),
        ("Cybersécurité (Oujda)", "oriental"),
        ("Agri-tech (Agadir)", "souss-massa"),
        ("E-tourisme (Marrakech)", "marrakech-safi"),
    ] {
        let label = map
            .iter()
            .find(|m| m.name == "text" && m.words == pole && m.attr("fill") == "#000")
            .unwrap_or_else(|| panic!("no label `{pole}`"));
        assert_eq!(label.attr("font-weight"), "bold", "{pole}");
        let (x, y) = (label.number("x"), label.number("y"));
        assert!(
            (0.0..width).contains(&x) && (0.0..height).contains(&y),
            "{pole}"
        );
        // The leader that starts nearest the label ends on the ring around the city the
        // label names: the chef-lieu that the region's own map marks (both maps share their
        // horizontal scale).
        let leader = leaders
            .iter()
            .min_by(|a, b| {
                let d = |l: &Mark| (l.number("x1") - x).hypot(l.number("y1") - y);
                d(a).total_cmp(&d(b))
            })
            .expect("a leader");
        let ring = rings[..4]
            .iter()
            .find(|r| {
                let (dx, dy) = (
                    leader.number("x2") - r.number("cx"),
                    leader.number("y2") - r.number("cy"),
                );
                (dx.hypot(dy) - r.number("r")).abs() < 0.2
            })
            .unwrap_or_else(|| panic!("the leader of `{pole}` ends on no ring"));
        assert_eq!(ring.number("cx"), chef_lieu_x(region), "{pole}");
    }
    for ring in &rings[..4] {
        let (cx, cy) = (ring.number("cx"), ring.number("cy"));
        assert!(
            dots.iter()
                .any(|d| d.number("cx") == cx && d.number("cy") == cy),
            "a ring at ({cx}, {cy}) is around no chef-lieu"
        );
        assert!(
            leaders.iter().any(|l| {
                let (x, y) = (l.number("x2"), l.number("y2"));
                ((x - cx).hypot(y - cy) - ring.number("r")).abs() < 0.2
            }),
            "the ring at ({cx}, {cy}) has its leader"
        );
    }
    assert_legend_and_numbers(map, &rings, &dots);
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
    parse(svgs[0]);
    let ((width, height), map) = marks(svgs[0]);
    assert_poles_lead_to_their_cities(&map, (width, height));
    // The four pole regions, and only they, are drawn alike and unlike the others; the
    // legend names that way of drawing them.
    let (regions, legend) = map_regions_and_legend(&map, "overview");
    let poles = [
        "Tanger-Tétouan-Al Hoceima",
        "Oriental",
        "Marrakech-Safi",
        "Souss-Massa",
    ];
    let pole_fill = regions
        .iter()
        .find(|(name, _)| *name == poles[0])
        .expect("Tanger")
        .1;
    for (name, fill) in &regions {
        assert_eq!(
            *fill == pole_fill,
            poles.contains(name),
            "{name} is drawn as a pole region or not, as it has a pole or not"
        );
    }
    assert_eq!(
        map.iter().filter(|m| m.attr("fill") == pole_fill).count(),
        5,
        "4 pole regions and the legend"
    );
    let (_, label) = legend
        .iter()
        .find(|(s, _)| s.attr("fill") == pole_fill)
        .expect("a legend entry for the pole regions");
    assert_eq!(*label, "Région où un pôle est évoqué", "legend");
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
        overview.contains("Les pôles évoqués par région, à titre d’exemple"),
        "{overview}"
    );
    let region = squash(&pdf_text(&out.path().join("fr/regions/oriental.pdf")));
    assert!(region.contains("Oriental face à la valeur nationale (%)"));
    assert!(region.contains("Oriental parmi les douze régions"));
}
