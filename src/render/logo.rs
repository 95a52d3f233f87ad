//! The logo of a house style (`--style DIR` with `logo.svg`), checked before anything is
//! rendered: an SVG drawing that loads nothing from outside itself, runs nothing, carries the
//! text that stands for it, and that the PDF's SVG reader can draw.

use usvg::roxmltree::{Document, Node, ParsingOptions};

use super::style::Logo;

/// The largest logo read, in bytes: a logo is a few kilobytes; every book carries it twice
/// (HTML and PDF).
pub const MAX_BYTES: usize = 512 * 1024;

/// Elements that run, embed or pull in something else: refused.
const REFUSED: [&str; 8] = [
    "script",
    "foreignObject",
    "iframe",
    "object",
    "embed",
    "audio",
    "video",
    "handler",
];

/// Why a logo is refused: the 1-based line of the SVG it is about, and what to do.
pub type Refusal = (usize, String);

/// `svg` checked as a logo, with its title.
pub fn check(svg: &str) -> Result<Logo, Refusal> {
    if svg.len() > MAX_BYTES {
        return Err((
            1,
            format!(
                "is {} KB; a logo may have at most {} KB (simplify its paths, or save it as plain SVG)",
                svg.len() / 1024,
                MAX_BYTES / 1024
            ),
        ));
    }
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(svg, options)
        .map_err(|e| (e.pos().row as usize, format!("is not well-formed SVG: {e}")))?;
    let line = |node: Node| doc.text_pos_at(node.range().start).row as usize;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NS) {
        return Err((
            line(root),
            format!("the root element must be `<svg xmlns=\"{SVG_NS}\">`"),
        ));
    }
    for node in root.descendants().filter(Node::is_element) {
        element(node).map_err(|why| (line(node), why))?;
    }
    let title = title(root).ok_or_else(|| {
        (
            line(root),
            "needs a `<title>` as the first child of `<svg>`: the words that stand for the logo \
             where it cannot be seen (a screen reader, the PDF's alternative text)"
                .to_string(),
        )
    })?;
    let tree = usvg::Tree::from_xmltree(&doc, &usvg::Options::default())
        .map_err(|e| (line(root), format!("cannot be drawn: {e}")))?;
    let size = tree.size();
    if !(size.width() >= 1.0 && size.height() >= 1.0) {
        return Err((
            line(root),
            "has no size: give `<svg>` a `viewBox` (or a `width` and a `height`)".to_string(),
        ));
    }
    Ok(Logo {
        svg: svg.to_string(),
        title,
    })
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// One element of the drawing: nothing that runs, nothing from outside.
fn element(node: Node) -> Result<(), String> {
    let name = node.tag_name().name();
    if REFUSED.iter().any(|r| r.eq_ignore_ascii_case(name)) {
        return Err(format!(
            "`<{name}>` is refused: a logo is a drawing, and runs or embeds nothing"
        ));
    }
    for attribute in node.attributes() {
        let key = attribute.name();
        let value = attribute.value();
        if key.len() > 2 && key[..2].eq_ignore_ascii_case("on") {
            return Err(format!(
                "the attribute `{key}` is refused: a logo runs nothing"
            ));
        }
        if key == "href" && !value.starts_with('#') && !embedded_image(value) {
            return Err(format!(
                "`{key}` must point inside the file (`#id`) or hold a PNG or JPEG as a data URL: \
                 a brief loads nothing from outside itself"
            ));
        }
        if key == "style" {
            css(value)?;
        }
    }
    if name == "style" {
        let text: String = node.children().filter_map(|c| c.text()).collect();
        css(&text)?;
    }
    Ok(())
}

/// A data URL of a raster image, which the SVG carries in itself.
fn embedded_image(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    ["data:image/png", "data:image/jpeg", "data:image/jpg"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// CSS inside the logo: it may point inside the file (`url(#id)`), nothing more.
fn css(text: &str) -> Result<(), String> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("@import") {
        return Err("`@import` in its CSS is refused: a brief loads nothing".to_string());
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let target = rest.trim_start().trim_start_matches(['"', '\'']);
        if !target.starts_with('#') {
            return Err(
                "`url(…)` in its CSS may only point inside the file (`url(#id)`)".to_string(),
            );
        }
    }
    Ok(())
}

/// The text of the `<title>` that opens the drawing, on one line; `None` when it is missing
/// or blank.
fn title(root: Node) -> Option<String> {
    let first = root.children().find(Node::is_element)?;
    if first.tag_name().name() != "title" {
        return None;
    }
    let text: String = first
        .descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::check;

    const GOOD: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">
  <title>Conseil régional</title>
  <rect width="40" height="20" fill="#224"/>
</svg>
"##;

    #[test]
    fn a_plain_drawing_with_a_title_is_a_logo() {
        let logo = check(GOOD).expect("a logo");
        assert_eq!(logo.title, "Conseil régional");
        assert_eq!(logo.svg, GOOD);
    }

    #[test]
    fn what_runs_loads_or_cannot_be_read_is_refused_at_its_line() {
        let cases = [
            (
                GOOD.replace("<rect", "<script>alert(1)</script>\n  <rect"),
                3,
                "`<script>`",
            ),
            (
                GOOD.replace("<rect", "<rect onclick=\"x()\""),
                3,
                "`onclick`",
            ),
            (
                GOOD.replace("<rect", "<image href=\"https://example.org/a.png\"/><rect"),
                3,
                "`href`",
            ),
            (
                GOOD.replace("<rect", "<use href=\"file:///etc/passwd\"/><rect"),
                3,
                "`href`",
            ),
            (
                GOOD.replace("fill=\"#224\"", "style=\"fill: url(https://x.org/p)\""),
                3,
                "`url(",
            ),
            (
                GOOD.replace("<title>Conseil régional</title>", ""),
                1,
                "`<title>`",
            ),
            (GOOD.replace("</svg>", ""), 1, "well-formed"),
            (
                GOOD.replace("http://www.w3.org/2000/svg", "urn:x"),
                1,
                "root element",
            ),
            (
                format!("<!DOCTYPE svg [<!ENTITY a \"b\">]>\n{GOOD}"),
                1,
                "well-formed",
            ),
            (
                GOOD.replace("viewBox=\"0 0 40 20\"", "width=\"0\" height=\"0\""),
                1,
                "",
            ),
        ];
        for (svg, line, why) in cases {
            let (at, message) = check(&svg).expect_err(&svg);
            assert_eq!(at, line, "{message}\n{svg}");
            assert!(message.contains(why), "{message}");
        }
    }

    #[test]
    fn an_embedded_raster_and_inner_references_are_kept() {
        let svg = GOOD.replace(
            "<rect",
            "<defs><linearGradient id=\"g\"/></defs><image href=\"data:image/png;base64,iVBORw0KGgo=\" width=\"1\" height=\"1\"/><rect style=\"fill: url(#g)\"",
        );
        check(&svg).expect("a logo");
    }
}
