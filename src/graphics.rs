//! Maps and charts, drawn as SVG from the dataset. The same drawing goes inline into the HTML
//! and, as an image, into the PDF; Markdown and text give the same information as tables.
//!
//! Every drawing prints in greyscale: fills are greys and hatching, marks are shapes, not
//! colours alone. Every drawing has a `<title>` and an `aria-label`.

use std::fmt::Write;

use jiha_data::checked::Region;

/// Latitude whose cosine scales longitudes, so that Morocco keeps its shape (an
/// equirectangular projection centred near 29° N).
const STANDARD_PARALLEL: f64 = 29.0;

/// Width of every drawing, in SVG units (pixels at 100 %).
const WIDTH: f64 = 560.0;

/// The fonts of the documents: the PDF's, then what a browser may have.
const FONTS: &str = "Libertinus Serif, Amiri, DejaVu Sans, serif";

/// Escapes text for SVG (XML): `&`, `<`, `>`, `"` and `'`.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The opening of a drawing `height` units high: its size, its accessible name and its
/// `<title>`, the fonts of the documents.
fn open(height: f64, title: &str) -> String {
    let title = xml(title);
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0} {height:.0}" width="{WIDTH:.0}" height="{height:.0}" role="img" aria-label="{title}" font-family="{FONTS}" font-size="11"><title>{title}</title>"#
    )
}

/// A region of the map (with its outline), and how to draw it.
#[derive(Debug, Clone)]
pub struct MapRegion<'a> {
    pub region: &'a Region,
    /// The poles mentioned here, by any voice: the region is filled, and each pole has a
    /// label of its own.
    pub poles: Vec<String>,
    /// Drawn dark: the region a brief is about.
    pub highlighted: bool,
    /// Name of the chef-lieu, written beside its dot when the region is highlighted.
    pub capital: String,
}

/// What the map says in words.
#[derive(Debug, Clone)]
pub struct MapText<'a> {
    pub title: &'a str,
    /// Legend entries: the pole fill, a plain region, a highlighted region, a chef-lieu.
    pub legend_pole: &'a str,
    pub legend_other: &'a str,
    pub legend_highlight: &'a str,
    pub legend_capital: &'a str,
    /// The page is right to left: labels read from the right.
    pub rtl: bool,
}

/// Projects (lon, lat) to the drawing.
struct Projection {
    min_lon: f64,
    max_lat: f64,
    scale: f64,
    cos: f64,
}

impl Projection {
    fn fit(outlines: &[&[(f64, f64)]], width: f64) -> (Projection, f64) {
        let points = outlines.iter().flat_map(|ring| ring.iter());
        let (mut min_lon, mut max_lon, mut min_lat, mut max_lat) =
            (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for &(lon, lat) in points {
            min_lon = min_lon.min(lon);
            max_lon = max_lon.max(lon);
            min_lat = min_lat.min(lat);
            max_lat = max_lat.max(lat);
        }
        let cos = STANDARD_PARALLEL.to_radians().cos();
        let scale = width / ((max_lon - min_lon) * cos).max(f64::EPSILON);
        let height = (max_lat - min_lat) * scale;
        (
            Projection {
                min_lon,
                max_lat,
                scale,
                cos,
            },
            height,
        )
    }

    fn point(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            (lon - self.min_lon) * self.cos * self.scale,
            (self.max_lat - lat) * self.scale,
        )
    }
}

/// The centre of a ring (area-weighted), to place a label's leader.
fn centroid(ring: &[(f64, f64)]) -> (f64, f64) {
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for pair in ring.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        let cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if area.abs() < f64::EPSILON {
        return ring.first().copied().unwrap_or((0.0, 0.0));
    }
    (cx / (3.0 * area), cy / (3.0 * area))
}

/// Where a pole's label starts: the map's left margin, in the Atlantic.
const LABEL_MARGIN: f64 = 6.0;

/// The map of the regions. Pole regions are hatched and labelled with their pole (labels in
/// the Atlantic, with a leader line, so that no label hides a region); the highlighted
/// region is dark; every chef-lieu is a dot.
pub fn map(regions: &[MapRegion], text: &MapText) -> String {
    let outlines: Vec<&[(f64, f64)]> = regions
        .iter()
        .map(|r| r.region.outline.as_slice())
        .collect();
    let (projection, map_height) = Projection::fit(&outlines, WIDTH);
    let legend_top = map_height + 14.0;
    let legend_rows = 2.0;
    let height = legend_top + legend_rows * 18.0 + 6.0;
    let mut svg = open(height, text.title);
    svg.push_str(
        r##"<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#e6e6e6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="1.6"/></pattern></defs>"##,
    );
    draw_regions(&mut svg, regions, &projection);
    draw_capitals(&mut svg, regions, &projection, text);
    draw_pole_labels(&mut svg, regions, &projection);
    draw_legend(&mut svg, regions, text, legend_top);
    svg.push_str("</svg>");
    svg
}

/// Each region's outline: dark when highlighted, hatched when it holds a pole.
fn draw_regions(svg: &mut String, regions: &[MapRegion], projection: &Projection) {
    for r in regions {
        let fill = if r.highlighted {
            "#3a3a3a"
        } else if !r.poles.is_empty() {
            "url(#hatch)"
        } else {
            "#ffffff"
        };
        let mut d = String::new();
        for (i, &(lon, lat)) in r.region.outline.iter().enumerate() {
            let (x, y) = projection.point(lon, lat);
            let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
        let _ = write!(
            svg,
            r##"<path d="{d}" fill="{fill}" stroke="#444" stroke-width="0.7" stroke-linejoin="round"><title>{}</title></path>"##,
            xml(&r.region.name_fr)
        );
    }
}

/// Each chef-lieu as a dot; the highlighted region's is named.
fn draw_capitals(svg: &mut String, regions: &[MapRegion], projection: &Projection, text: &MapText) {
    for r in regions {
        let (x, y) = projection.point(r.region.capital.lon, r.region.capital.lat);
        let (fill, stroke) = if r.highlighted {
            ("#ffffff", "#000000")
        } else {
            ("#000000", "#ffffff")
        };
        let _ = write!(
            svg,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="3" fill="{fill}" stroke="{stroke}" stroke-width="1"/>"#
        );
        if r.highlighted {
            let anchor = if text.rtl { "end" } else { "start" };
            let dx = if text.rtl { -6.0 } else { 6.0 };
            let _ = write!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="{anchor}" font-weight="bold" fill="#000" stroke="#fff" stroke-width="3" paint-order="stroke">{}</text>"##,
                x + dx,
                y + 4.0,
                xml(&r.capital)
            );
        }
    }
}

/// Each pole's label, in the margin, with a leader line to its region.
fn draw_pole_labels(svg: &mut String, regions: &[MapRegion], projection: &Projection) {
    // Top to bottom, never closer than a line apart.
    let mut labels: Vec<(f64, f64, f64, &str)> = regions
        .iter()
        .flat_map(|r| {
            let (lon, lat) = centroid(&r.region.outline);
            let (x, y) = projection.point(lon, lat);
            r.poles.iter().map(move |pole| (y, x, y, pole.as_str()))
        })
        .collect();
    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut last = f64::MIN;
    for (label_y, x, y, pole) in labels.iter_mut().map(|(ly, x, y, p)| (*ly, *x, *y, *p)) {
        let label_y = label_y.max(last + 16.0);
        last = label_y;
        // The leader starts past the label's end (an estimate: 6 units a character).
        let estimate = pole.chars().count() as f64 * 6.0 + 4.0;
        // In every language the labels sit in the Atlantic, on the left: on the right they
        // would cover the eastern regions.
        let (lx, anchor, line_from) = (LABEL_MARGIN, "start", LABEL_MARGIN + estimate);
        let _ = write!(
            svg,
            r##"<line x1="{line_from:.1}" y1="{:.1}" x2="{x:.1}" y2="{y:.1}" stroke="#000" stroke-width="0.6" stroke-dasharray="2 2"/><circle cx="{x:.1}" cy="{y:.1}" r="2" fill="#000"/><text x="{lx:.1}" y="{label_y:.1}" text-anchor="{anchor}" font-weight="bold" fill="#000" stroke="#fff" stroke-width="3" paint-order="stroke">{}</text>"##,
            label_y - 4.0,
            xml(pole)
        );
    }
}

/// The legend: one swatch per kind of region drawn, and the chef-lieu's dot.
fn draw_legend(svg: &mut String, regions: &[MapRegion], text: &MapText, legend_top: f64) {
    let entries: Vec<(&str, &str)> = vec![
        ("pole", text.legend_pole),
        ("other", text.legend_other),
        ("highlight", text.legend_highlight),
        ("capital", text.legend_capital),
    ];
    let shown: Vec<&(&str, &str)> = entries
        .iter()
        .filter(|(kind, _)| match *kind {
            "pole" => regions.iter().any(|r| !r.poles.is_empty()),
            "highlight" => regions.iter().any(|r| r.highlighted),
            _ => true,
        })
        .collect();
    for (i, (kind, label)) in shown.iter().enumerate() {
        let column = (i % 2) as f64;
        let row = (i / 2) as f64;
        let box_x = if text.rtl {
            WIDTH - 16.0 - column * (WIDTH / 2.0)
        } else {
            4.0 + column * (WIDTH / 2.0)
        };
        let y = legend_top + row * 18.0;
        let swatch = match *kind {
            "pole" => r##"fill="url(#hatch)" stroke="#444""##,
            "other" => r##"fill="#ffffff" stroke="#444""##,
            "highlight" => r##"fill="#3a3a3a" stroke="#444""##,
            _ => "",
        };
        if *kind == "capital" {
            let _ = write!(
                svg,
                r##"<circle cx="{:.1}" cy="{:.1}" r="3" fill="#000"/>"##,
                box_x + 6.0,
                y + 6.0
            );
        } else {
            let _ = write!(
                svg,
                r#"<rect x="{box_x:.1}" y="{y:.1}" width="12" height="12" {swatch} stroke-width="0.7"/>"#
            );
        }
        let (tx, anchor) = if text.rtl {
            (box_x - 6.0, "end")
        } else {
            (box_x + 18.0, "start")
        };
        let _ = write!(
            svg,
            r#"<text x="{tx:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"#,
            y + 10.0,
            xml(label)
        );
    }
}

/// One bar of an indicator chart.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    /// Percentage, 0 to 100.
    pub value: f64,
    pub value_text: String,
    pub national: f64,
    pub national_text: String,
}

/// What the chart says in words.
#[derive(Debug, Clone)]
pub struct ChartText<'a> {
    pub title: &'a str,
    pub legend_region: &'a str,
    pub legend_national: &'a str,
    pub rtl: bool,
}

/// Horizontal bars of a region's percentages, each with the national value marked by a line
/// and both values written out.
pub fn indicator_chart(bars: &[Bar], text: &ChartText) -> String {
    const LABEL_WIDTH: f64 = 250.0;
    const ROW: f64 = 30.0;
    const TOP: f64 = 8.0;
    let plot = WIDTH - LABEL_WIDTH - 60.0;
    let height = TOP + bars.len() as f64 * ROW + 30.0;
    // Left to right, or mirrored for a right-to-left page.
    let x = |v: f64| -> f64 {
        let offset = v.clamp(0.0, 100.0) / 100.0 * plot;
        if text.rtl {
            WIDTH - LABEL_WIDTH - offset
        } else {
            LABEL_WIDTH + offset
        }
    };
    let mut svg = open(height, text.title);
    for (i, bar) in bars.iter().enumerate() {
        let y = TOP + i as f64 * ROW;
        let (label_x, label_anchor) = if text.rtl {
            (WIDTH - 4.0, "end")
        } else {
            (4.0, "start")
        };
        let _ = write!(
            svg,
            r#"<text x="{label_x:.1}" y="{:.1}" text-anchor="{label_anchor}">{}</text>"#,
            y + 14.0,
            xml(&bar.label)
        );
        let (x0, x1) = (x(0.0), x(bar.value));
        let (left, width) = (x0.min(x1), (x1 - x0).abs());
        let _ = write!(
            svg,
            r##"<rect x="{left:.1}" y="{:.1}" width="{width:.1}" height="12" fill="#9a9a9a" stroke="#333" stroke-width="0.6"/>"##,
            y + 4.0
        );
        let (value_x, value_anchor) = if text.rtl {
            (x1 - 4.0, "end")
        } else {
            (x1 + 4.0, "start")
        };
        let (value_x, value_anchor) =
            if (bar.national - bar.value).abs() < 8.0 && bar.national > bar.value {
                // The national line sits just past the bar: write the value past the line.
                if text.rtl {
                    (x(bar.national) - 4.0, value_anchor)
                } else {
                    (x(bar.national) + 4.0, value_anchor)
                }
            } else {
                (value_x, value_anchor)
            };
        let _ = write!(
            svg,
            r#"<text x="{value_x:.1}" y="{:.1}" text-anchor="{value_anchor}" font-weight="bold">{}</text>"#,
            y + 14.0,
            xml(&bar.value_text)
        );
        let nx = x(bar.national);
        let _ = write!(
            svg,
            r##"<line x1="{nx:.1}" y1="{:.1}" x2="{nx:.1}" y2="{:.1}" stroke="#000" stroke-width="2"/><text x="{nx:.1}" y="{:.1}" text-anchor="middle" font-size="8.5" fill="#333">{}</text>"##,
            y + 1.0,
            y + 19.0,
            y + 27.0,
            xml(&bar.national_text)
        );
    }
    draw_chart_legend(&mut svg, text, TOP + bars.len() as f64 * ROW + 8.0);
    svg.push_str("</svg>");
    svg
}

/// The chart's legend, at `y`: the region's bar and the nation's line.
fn draw_chart_legend(svg: &mut String, text: &ChartText, y: f64) {
    let (swatch_x, text_x, anchor) = if text.rtl {
        (WIDTH - 16.0, WIDTH - 22.0, "end")
    } else {
        (4.0, 22.0, "start")
    };
    let _ = write!(
        svg,
        r##"<rect x="{swatch_x:.1}" y="{y:.1}" width="12" height="12" fill="#9a9a9a" stroke="#333" stroke-width="0.6"/><text x="{text_x:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"##,
        y + 10.0,
        xml(text.legend_region)
    );
    let (line_x, text_x) = if text.rtl {
        (WIDTH / 2.0, WIDTH / 2.0 - 8.0)
    } else {
        (WIDTH / 2.0, WIDTH / 2.0 + 8.0)
    };
    let _ = write!(
        svg,
        r##"<line x1="{line_x:.1}" y1="{y:.1}" x2="{line_x:.1}" y2="{:.1}" stroke="#000" stroke-width="2"/><text x="{text_x:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"##,
        y + 12.0,
        y + 10.0,
        xml(text.legend_national)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(xml("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
    }

    #[test]
    fn a_square_has_its_centre_in_the_middle() {
        let ring = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)];
        let (x, y) = centroid(&ring);
        assert!((x - 1.0).abs() < 1e-9 && (y - 1.0).abs() < 1e-9);
    }
}
