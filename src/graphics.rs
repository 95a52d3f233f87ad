//! Maps and charts, drawn as SVG from the dataset. The same drawing goes inline into the HTML
//! and, as an image, into the PDF; Markdown and text give the same information as tables.
//!
//! Every drawing prints in greyscale: fills are greys and hatching, marks are shapes, not
//! colours alone. Every drawing has a `<title>` and an `aria-label`.

use std::fmt::Write;

mod map;
mod place;
mod provinces;

pub use map::{MapRegion, MapText, map};
pub use provinces::{GREYS, MapProvince, ProvinceMapText, class_of, province_map};

/// Width of every drawing, in SVG units (pixels at 100 %).
const WIDTH: f64 = 560.0;

/// The fonts of the documents: the PDF's, then what a browser may have.
const FONTS: &str = "Libertinus Serif, Amiri, DejaVu Sans, serif";

/// The size of the drawings' text, in SVG units.
const FONT_SIZE: f64 = 11.0;

/// The width of a text at `size`, an upper estimate: 0.68 em a character covers the PDF's
/// fonts and the wider ones a browser may fall back on (DejaVu Sans Bold), in Latin and
/// Arabic script. The layout test measures the real widths.
fn text_width(words: &str, size: f64) -> f64 {
    words.chars().filter(|c| !is_mark(*c)).count() as f64 * size * 0.68
}

/// Characters that take no room of their own: combining marks (Arabic harakat) and the
/// direction marks.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}' | '\u{0300}'..='\u{036F}')
}

/// A name as a drawing writes it. Every drawing runs left to right (so that each engine
/// places its anchors alike), so a right-to-left name is framed by right-to-left marks:
/// its closing parenthesis then stays at its end.
fn name(words: &str, rtl: bool) -> String {
    if rtl {
        format!("\u{200F}{}\u{200F}", xml(words))
    } else {
        xml(words)
    }
}

/// A text drawn over the map: first its white halo, a text of its own that is only
/// stroked, then the text itself, filled. (No engine then needs `paint-order`, and the halo
/// never paints over the neighbouring letters.) `words` is already escaped; `style` holds
/// the other attributes (size, weight).
fn haloed(svg: &mut String, (x, y): (f64, f64), anchor: &str, style: &str, words: &str) {
    let _ = write!(
        svg,
        r##"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}"{style} fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round">{words}</text><text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}"{style} fill="#000">{words}</text>"##
    );
}

pub use jiha_data::escape::xml;

/// The opening of a drawing `height` units high: its size, its accessible name and its
/// `<title>`, the fonts of the documents. It runs left to right whatever the page's
/// direction: a drawing inherits it otherwise, and a browser would then mirror every
/// `text-anchor` (the chart's and map's anchors are chosen for each language here).
fn open(height: f64, title: &str) -> String {
    let title = xml(title);
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0} {height:.0}" width="{WIDTH:.0}" height="{height:.0}" role="img" aria-label="{title}" direction="ltr" font-family="{FONTS}" font-size="{FONT_SIZE:.0}"><title>{title}</title>"#
    )
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
            name(&bar.label, text.rtl)
        );
        let (x0, x1) = (x(0.0), x(bar.value));
        let (left, width) = (x0.min(x1), (x1 - x0).abs());
        let _ = write!(
            svg,
            r##"<rect x="{left:.1}" y="{:.1}" width="{width:.1}" height="12" fill="#9a9a9a" stroke="#333" stroke-width="0.6"/>"##,
            y + 4.0
        );
        // The value is written past the bar's end, or past the national line when that line
        // would cross it.
        let nx = x(bar.national);
        let reach = 4.0 + text_width(&bar.value_text, FONT_SIZE) + 2.0;
        let (value_x, value_anchor) = if text.rtl {
            let crossed = nx <= x1 + 1.0 && nx >= x1 - reach;
            (if crossed { nx } else { x1 } - 4.0, "end")
        } else {
            let crossed = nx >= x1 - 1.0 && nx <= x1 + reach;
            (if crossed { nx } else { x1 } + 4.0, "start")
        };
        let _ = write!(
            svg,
            r#"<text x="{value_x:.1}" y="{:.1}" text-anchor="{value_anchor}" font-weight="bold">{}</text>"#,
            y + 14.0,
            xml(&bar.value_text)
        );
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
        name(text.legend_region, text.rtl)
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
        name(text.legend_national, text.rtl)
    );
}
