//! Every drawing, laid out as the PDF lays it out (usvg's text layout, with the fonts the
//! PDF embeds), in every language: each text lies inside its drawing, no two labels
//! overlap, no leader line crosses a label other than its own, and each halo is a text of
//! its own under the filled one.

use std::collections::BTreeMap;
use std::sync::Arc;

use tempfile::TempDir;

use crate::support::{jiha, tree};

/// A text as laid out: its words and its box, in the drawing's units.
#[derive(Debug, Clone)]
struct Laid {
    words: String,
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
}

impl Laid {
    fn overlaps(&self, other: &Laid) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
    fn crossed_by(&self, a: (f32, f32), b: (f32, f32)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut from, mut to) = (0.0_f32, 1.0_f32);
        for (p, q) in [
            (-dx, a.0 - self.left),
            (dx, self.right - a.0),
            (-dy, a.1 - self.top),
            (dy, self.bottom - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    from = from.max(t);
                } else {
                    to = to.min(t);
                }
            }
        }
        from < to
    }
}

/// The fonts the PDF embeds, and no other: the drawings are laid out as jiha's PDF lays
/// them out.
fn options() -> usvg::Options<'static> {
    let mut options = usvg::Options::default();
    let db = Arc::make_mut(&mut options.fontdb);
    for font in jiha_data::glyphs::pdf_fonts() {
        db.load_font_data(font.to_vec());
    }
    options
}

/// Every drawing of every HTML page, once: the first page it is on, whether that page is
/// right to left, and the drawing.
fn drawings(files: &BTreeMap<String, Vec<u8>>) -> Vec<(String, bool, String)> {
    let mut found: BTreeMap<(String, bool), String> = BTreeMap::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let root = html.split("<html").nth(1).and_then(|r| r.split('>').next());
        let rtl = root.is_some_and(|r| r.contains("dir=\"rtl\""));
        for rest in html.split("<svg ").skip(1) {
            let end = rest.find("</svg>").expect("closed svg");
            let svg = format!("<svg {}</svg>", &rest[..end]);
            found.entry((svg, rtl)).or_insert_with(|| path.clone());
        }
    }
    found
        .into_iter()
        .map(|((svg, rtl), path)| (path, rtl, svg))
        .collect()
}

/// The ids of an HTML page that appear more than once.
fn duplicate_ids(html: &str) -> Vec<String> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for rest in html.split(" id=\"").skip(1) {
        let id = &rest[..rest.find('"').expect("closed id")];
        *seen.entry(id).or_default() += 1;
    }
    seen.into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(id, n)| format!("{id} ×{n}"))
        .collect()
}

/// The drawing as a browser draws it on its page: a drawing that does not set its own
/// direction inherits the page's, and on a right-to-left page a browser then reads every
/// `text-anchor` mirrored (`start` is the right end). usvg ignores `direction`, so the
/// anchors are mirrored here.
fn as_on_its_page(svg: &str, rtl: bool) -> String {
    let root = &svg[..svg.find('>').expect("svg tag")];
    if !rtl || root.contains("direction=\"ltr\"") {
        return svg.to_string();
    }
    let mut out = String::new();
    for (i, part) in svg.split("<text ").enumerate() {
        if i == 0 {
            out.push_str(part);
            continue;
        }
        out.push_str("<text ");
        let tag_end = part.find('>').expect("text tag");
        let (tag, rest) = part.split_at(tag_end);
        let mirrored = if tag.contains("text-anchor=\"end\"") {
            tag.replace("text-anchor=\"end\"", "text-anchor=\"start\"")
        } else if tag.contains("text-anchor=\"start\"") {
            tag.replace("text-anchor=\"start\"", "text-anchor=\"end\"")
        } else if tag.contains("text-anchor") {
            tag.to_string()
        } else {
            format!("{tag} text-anchor=\"end\"")
        };
        out.push_str(&mirrored);
        out.push_str(rest);
    }
    out
}

/// A line from one point to another.
type Segment = ((f32, f32), (f32, f32));

/// The texts of a group, and the dashed lines (leaders), from and to.
fn walk(group: &usvg::Group, texts: &mut Vec<Laid>, leaders: &mut Vec<Segment>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => walk(g, texts, leaders),
            usvg::Node::Text(t) => {
                let b = t.abs_bounding_box();
                texts.push(Laid {
                    words: t.chunks().iter().map(|c| c.text()).collect(),
                    left: b.left(),
                    top: b.top(),
                    right: b.right(),
                    bottom: b.bottom(),
                });
            }
            usvg::Node::Path(p) if p.stroke().is_some_and(|s| s.dasharray().is_some()) => {
                let points = p.data().points();
                if let (Some(a), Some(b)) = (points.first(), points.last()) {
                    let m = p.abs_transform();
                    let (mut a, mut b) = (*a, *b);
                    m.map_point(&mut a);
                    m.map_point(&mut b);
                    leaders.push(((a.x, a.y), (b.x, b.y)));
                }
            }
            _ => {}
        }
    }
}

/// What is wrong with one drawing's layout, in words.
fn faults(svg: &str, options: &usvg::Options) -> Vec<String> {
    let tree = usvg::Tree::from_str(svg, options).expect("the drawing is valid SVG");
    let (width, height) = (tree.size().width(), tree.size().height());
    let (mut texts, mut leaders) = (Vec::new(), Vec::new());
    walk(tree.root(), &mut texts, &mut leaders);
    // A halo and its text are one label.
    let mut labels: Vec<Laid> = Vec::new();
    for t in texts {
        let same = |l: &Laid| {
            l.words == t.words && (l.left - t.left).abs() < 0.01 && (l.top - t.top).abs() < 0.01
        };
        if !labels.iter().any(same) {
            labels.push(t);
        }
    }
    let mut faults = Vec::new();
    for l in &labels {
        if l.left < 0.0 || l.top < 0.0 || l.right > width || l.bottom > height {
            faults.push(format!(
                "`{}` ({:.1}, {:.1})–({:.1}, {:.1}) leaves the {width}×{height} drawing",
                l.words, l.left, l.top, l.right, l.bottom
            ));
        }
    }
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            if a.overlaps(b) {
                faults.push(format!("`{}` and `{}` overlap", a.words, b.words));
            }
        }
    }
    for &(from, to) in &leaders {
        // A leader starts at its own label, and may touch it.
        let distance = |l: &Laid| {
            let dx = (l.left - from.0).max(from.0 - l.right).max(0.0);
            let dy = (l.top - from.1).max(from.1 - l.bottom).max(0.0);
            dx.hypot(dy)
        };
        let own = labels
            .iter()
            .min_by(|a, b| distance(a).total_cmp(&distance(b)));
        for l in &labels {
            if own.is_some_and(|o| std::ptr::eq(o, l)) {
                continue;
            }
            if l.crossed_by(from, to) {
                faults.push(format!("a leader line crosses `{}`", l.words));
            }
        }
    }
    faults
}

/// The halo under a label is a text of its own, stroked and not filled, followed by the same
/// text filled: no engine has to honour `paint-order`.
fn halo_faults(svg: &str) -> Vec<String> {
    let mut faults = Vec::new();
    if svg.contains("paint-order") {
        faults.push("a text relies on paint-order".to_string());
    }
    let texts: Vec<&str> = svg.split("<text ").skip(1).collect();
    for (i, text) in texts.iter().enumerate() {
        let tag = &text[..text.find('>').expect("text tag")];
        if !tag.contains("stroke=") {
            continue;
        }
        let words =
            |t: &str| t[t.find('>').expect("tag") + 1..t.find("</text>").expect("end")].to_string();
        let followed = texts.get(i + 1).is_some_and(|next| {
            let next_tag = &next[..next.find('>').expect("text tag")];
            words(next) == words(text) && !next_tag.contains("stroke=")
        });
        if !tag.contains("fill=\"none\"") || !followed {
            faults.push(format!(
                "the halo of `{}` is not a stroke-only text under the filled one",
                words(text)
            ));
        }
    }
    faults
}

#[test]
fn every_drawing_lays_out_inside_itself_without_overlaps_in_every_language() {
    let out = TempDir::new().expect("tempdir");
    jiha()
        .args(["render", "-f", "html", "--lang", "all", "-o"])
        .arg(out.path())
        .assert()
        .success();
    let files = tree(out.path());
    let drawings = drawings(&files);
    // The overview's map, and each of the twelve regions' chart, map and province map, in
    // three languages.
    assert!(drawings.len() >= 3 * 37, "{} drawings", drawings.len());
    let options = options();
    let mut report = Vec::new();
    for (path, rtl, svg) in &drawings {
        let laid = as_on_its_page(svg, *rtl);
        for fault in faults(&laid, &options).into_iter().chain(halo_faults(svg)) {
            report.push(format!("{path}: {fault}"));
        }
    }
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        for id in duplicate_ids(&String::from_utf8_lossy(bytes)) {
            report.push(format!("{path}: the id {id}"));
        }
    }
    assert!(
        report.is_empty(),
        "{} faults:\n{}",
        report.len(),
        report.join("\n")
    );
}
