//! A region's province map: the region alone, each province and préfecture grey by the
//! class of one indicator, numbered where it is widest (or, when there is no room, beside it
//! with a leader line), and a legend of the classes.

use std::fmt::Write;

use super::map::Projection;
use super::place::{Room, Taken};
use super::{FONT_SIZE, WIDTH, haloed, name, open, text_width, xml};

/// The greys of the classes, lightest (lowest values) first: five steps a printer tells
/// apart, from nearly white to dark.
pub const GREYS: [&str; 5] = ["#f2f2f2", "#c9c9c9", "#9e9e9e", "#6e6e6e", "#3d3d3d"];

/// The tallest the map itself may be, in SVG units: a tall region is drawn narrower.
const MAX_MAP_HEIGHT: f64 = 440.0;

/// The size of the provinces' numbers.
const NUMBER_SIZE: f64 = 10.0;

/// The distance between two rows of the legend (Amiri's line box, with room).
const LEGEND_ROW: f64 = 22.0;

/// One province or préfecture on the map.
#[derive(Debug, Clone)]
pub struct MapProvince<'a> {
    /// Its number on the map and in the key.
    pub number: usize,
    /// Its name, for the tooltip.
    pub name: String,
    /// Its outline's closed rings of (lon, lat), drawn with the even-odd rule.
    pub rings: &'a [Vec<(f64, f64)>],
    /// Where its number goes, (lon, lat).
    pub label: (f64, f64),
    /// Its class (an index into the legend's classes), if it has a value.
    pub class: Option<usize>,
    /// Its value as printed, for the tooltip.
    pub value: String,
}

/// What the province map says in words.
#[derive(Debug, Clone)]
pub struct ProvinceMapText<'a> {
    pub title: &'a str,
    /// The `<desc>`: what the map shows, for a screen reader.
    pub desc: &'a str,
    /// The legend's heading: the indicator and its year.
    pub legend_title: &'a str,
    /// Each class's label, lowest first: one per grey of [`GREYS`], at most.
    pub classes: &'a [String],
    /// The legend's entry for a province without a value.
    pub no_value: &'a str,
    pub rtl: bool,
}

/// The class of `value` for the upper `breaks` (ascending): how many breaks it reaches.
pub fn class_of(value: f64, breaks: &[f64]) -> usize {
    breaks.iter().filter(|&&b| value >= b).count()
}

/// The map of one region's provinces, inside the region's outline `region`; `missing` when
/// some of its provinces have no outline (the region's is then drawn beneath).
pub fn province_map(
    region: &[(f64, f64)],
    provinces: &[MapProvince],
    missing: bool,
    text: &ProvinceMapText,
) -> String {
    let mut outlines: Vec<&[(f64, f64)]> = vec![region];
    outlines.extend(
        provinces
            .iter()
            .flat_map(|p| p.rings.iter().map(Vec::as_slice)),
    );
    let top = 4.0;
    let (mut projection, mut height) = Projection::fit(&outlines, WIDTH - 8.0, top);
    if height > MAX_MAP_HEIGHT {
        let width = (WIDTH - 8.0) * MAX_MAP_HEIGHT / height;
        (projection, height) = Projection::fit(&outlines, width, top);
        projection.left = (WIDTH - width) / 2.0;
    } else {
        projection.left = 4.0;
    }
    let map_bottom = top + height;
    let no_value = provinces.iter().any(|p| p.class.is_none());
    let entries = text.classes.len() + usize::from(no_value);
    let legend_top = map_bottom + 14.0;
    let total = legend_top + LEGEND_ROW + entries.div_ceil(2) as f64 * LEGEND_ROW + 2.0;
    let mut svg = open(total, text.title);
    let _ = write!(svg, "<desc>{}</desc>", xml(text.desc));
    let project = |ring: &[(f64, f64)]| -> Vec<(f64, f64)> {
        ring.iter()
            .map(|&(lon, lat)| projection.point(lon, lat))
            .collect()
    };
    if missing {
        // The region's own outline, dashed, shows where a province without one lies (the
        // provinces' outer borders, drawn over it, are the region's otherwise).
        let _ = write!(
            svg,
            r##"<path d="{}" fill="#fff" stroke="#666" stroke-width="0.8" stroke-dasharray="3 2"/>"##,
            path(&[project(region)])
        );
    }
    for p in provinces {
        let fill = p.class.map_or("#ffffff", |c| GREYS[c.min(GREYS.len() - 1)]);
        let rings: Vec<Vec<(f64, f64)>> = p.rings.iter().map(|r| project(r)).collect();
        let _ = write!(
            svg,
            r##"<path d="{}" fill="{fill}" fill-rule="evenodd" stroke="#333" stroke-width="0.6" stroke-linejoin="round"><title>{} {}: {}</title></path>"##,
            path(&rings),
            p.number,
            xml(&p.name),
            xml(&p.value)
        );
    }
    let bounds = Room {
        left: 2.0,
        top: 2.0,
        right: WIDTH - 2.0,
        bottom: map_bottom + 6.0,
    };
    let anchors: Vec<(f64, f64)> = (provinces.iter())
        .map(|p| projection.point(p.label.0, p.label.1))
        .collect();
    draw_numbers(&mut svg, provinces, &anchors, &bounds);
    draw_legend(&mut svg, text, legend_top, no_value);
    svg.push_str("</svg>");
    svg
}

/// An SVG path of closed rings in the drawing's units.
fn path(rings: &[Vec<(f64, f64)>]) -> String {
    let mut d = String::new();
    for ring in rings {
        for (i, (x, y)) in ring.iter().enumerate() {
            let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
    }
    d
}

/// Where a province's number goes: at its label point if there is room, else the nearest
/// free place around it (rings of 8 directions, farther out each time), with a leader line
/// from the label point. `None` when nothing fits.
pub(super) fn number_place(
    anchor: (f64, f64),
    width: f64,
    taken: &Taken,
    bounds: &Room,
) -> Option<(Room, (f64, f64), bool)> {
    let at =
        |(x, y): (f64, f64)| Room::of_text(x, y + NUMBER_SIZE * 0.35, width, NUMBER_SIZE, "middle");
    let room = at(anchor);
    if taken.fits(&room, None, bounds) {
        return Some((room, anchor, false));
    }
    const DIRECTIONS: [(f64, f64); 8] = [
        (1.0, 0.0),
        (-1.0, 0.0),
        (0.0, -1.0),
        (0.0, 1.0),
        (0.7, -0.7),
        (-0.7, -0.7),
        (0.7, 0.7),
        (-0.7, 0.7),
    ];
    for radius in [16.0, 24.0, 34.0, 46.0, 60.0, 76.0] {
        for (dx, dy) in DIRECTIONS {
            let centre = (anchor.0 + dx * radius, anchor.1 + dy * radius);
            let room = at(centre);
            let end = room.nearest(anchor);
            if taken.fits(&room, Some((end, anchor)), bounds) {
                return Some((room, centre, true));
            }
        }
    }
    None
}

/// Each province's number, haloed, where [`number_place`] finds room; a leader line and a
/// dot when it had to move.
fn draw_numbers(
    svg: &mut String,
    provinces: &[MapProvince],
    anchors: &[(f64, f64)],
    bounds: &Room,
) {
    let mut taken = Taken::default();
    // The dots where a moved number points: kept clear of every number.
    for &anchor in anchors {
        taken.rooms.push(Room::of_dot(anchor, 0.5));
    }
    let style = format!(r#" font-size="{NUMBER_SIZE:.0}" font-weight="bold""#);
    for (p, &anchor) in provinces.iter().zip(anchors) {
        let words = p.number.to_string();
        let width = text_width(&words, NUMBER_SIZE);
        taken.rooms.retain(|r| *r != Room::of_dot(anchor, 0.5));
        let (room, centre, moved) = number_place(anchor, width, &taken, bounds).unwrap_or((
            Room::of_text(anchor.0, anchor.1, width, NUMBER_SIZE, "middle"),
            anchor,
            false,
        ));
        if moved {
            let (ex, ey) = room.nearest(anchor);
            let (ax, ay) = anchor;
            let _ = write!(
                svg,
                r##"<line x1="{ex:.1}" y1="{ey:.1}" x2="{ax:.1}" y2="{ay:.1}" stroke="#000" stroke-width="0.8"/><circle cx="{ax:.1}" cy="{ay:.1}" r="1.6" fill="#000" stroke="#fff" stroke-width="0.6"/>"##
            );
            taken.leaders.push(((ex, ey), anchor));
            taken.rooms.push(Room::of_dot(anchor, 2.0));
        }
        let y = centre.1 + NUMBER_SIZE * 0.35;
        haloed(svg, (centre.0, y), "middle", &style, &words);
        taken.rooms.push(room);
    }
}

/// The legend under the map: its heading, then each class's grey and label in two columns,
/// from the right on a right-to-left page.
fn draw_legend(svg: &mut String, text: &ProvinceMapText, top: f64, no_value: bool) {
    let (x, anchor) = if text.rtl {
        (WIDTH - 4.0, "end")
    } else {
        (4.0, "start")
    };
    let _ = write!(
        svg,
        r#"<text x="{x:.1}" y="{:.1}" text-anchor="{anchor}" font-weight="bold">{}</text>"#,
        top + FONT_SIZE,
        name(text.legend_title, text.rtl)
    );
    let mut entries: Vec<(&str, &str)> = (text.classes.iter())
        .zip(GREYS)
        .map(|(label, grey)| (grey, label.as_str()))
        .collect();
    if no_value {
        entries.push(("#ffffff", text.no_value));
    }
    let rows = entries.len().div_ceil(2);
    for (i, (grey, label)) in entries.iter().enumerate() {
        // Down the first column, then the second: the classes read in order.
        let (column, row) = ((i / rows) as f64, (i % rows) as f64);
        let y = top + LEGEND_ROW + row * LEGEND_ROW;
        let box_x = if text.rtl {
            WIDTH - 18.0 - column * (WIDTH / 2.0)
        } else {
            4.0 + column * (WIDTH / 2.0)
        };
        let _ = write!(
            svg,
            r##"<rect x="{box_x:.1}" y="{y:.1}" width="14" height="12" fill="{grey}" stroke="#444" stroke-width="0.7"/>"##
        );
        let (tx, anchor) = if text.rtl {
            (box_x - 6.0, "end")
        } else {
            (box_x + 20.0, "start")
        };
        let _ = write!(
            svg,
            r#"<text x="{tx:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"#,
            y + 10.0,
            name(label, text.rtl)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, side: f64) -> Vec<(f64, f64)> {
        vec![
            (x, y),
            (x + side, y),
            (x + side, y + side),
            (x, y + side),
            (x, y),
        ]
    }

    #[test]
    fn a_value_falls_in_the_class_of_the_breaks_it_reaches() {
        let breaks = [15.0, 20.0, 25.0, 30.0];
        let classes: Vec<usize> = [10.5, 15.0, 19.9, 20.0, 29.9, 30.0, 49.3]
            .iter()
            .map(|&v| class_of(v, &breaks))
            .collect();
        assert_eq!(classes, [0, 1, 1, 2, 3, 4, 4]);
    }

    fn drawn(rtl: bool) -> String {
        let region = square(-3.0, 33.0, 2.0);
        let (a, b, c) = (
            square(-3.0, 33.0, 1.0),
            square(-2.0, 33.0, 1.0),
            square(-3.0, 34.0, 0.05),
        );
        let rings = [vec![a], vec![b], vec![c]];
        let provinces: Vec<MapProvince> = (rings.iter().enumerate())
            .map(|(i, r)| MapProvince {
                number: i + 1,
                name: format!("P{}", i + 1),
                rings: r,
                label: (r[0][0].0 + 0.02, r[0][0].1 + 0.02),
                class: (i < 2).then_some(i * 3),
                value: format!("{i} %"),
            })
            .collect();
        let classes: Vec<String> = ["< 15", "15–20", "20–25", "25–30", "≥ 30"]
            .map(String::from)
            .to_vec();
        let text = ProvinceMapText {
            title: "Chômage",
            desc: "Carte",
            legend_title: "Taux de chômage (2024)",
            classes: &classes,
            no_value: "pas de valeur",
            rtl,
        };
        province_map(&region, &provinces, false, &text)
    }

    #[test]
    fn the_map_has_one_number_per_province_its_classes_and_legend() {
        let svg = drawn(false);
        for n in 1..=3 {
            // A number is drawn twice: its halo, then itself.
            let count = svg.matches(&format!(">{n}</text>")).count();
            assert_eq!(count, 2, "number {n} in {svg}");
        }
        assert!(svg.contains(r##"fill="#f2f2f2""##) && svg.contains(r##"fill="#6e6e6e""##));
        for label in [
            "&lt; 15",
            "15–20",
            "≥ 30",
            "pas de valeur",
            "Taux de chômage (2024)",
        ] {
            assert!(svg.contains(label), "{label} in the legend");
        }
        assert!(svg.contains("<title>Chômage</title><desc>Carte</desc>"));
        assert_eq!(svg, drawn(false), "the same map twice gives the same bytes");
        assert_ne!(
            svg,
            drawn(true),
            "the legend reads from the right on an RTL page"
        );
    }

    #[test]
    fn a_number_without_room_moves_beside_its_province_with_a_leader() {
        let bounds = Room {
            left: 0.0,
            top: 0.0,
            right: 200.0,
            bottom: 200.0,
        };
        let mut taken = Taken::default();
        taken
            .rooms
            .push(Room::of_text(100.0, 103.5, 8.0, NUMBER_SIZE, "middle"));
        let (room, _, moved) =
            number_place((100.0, 100.0), 8.0, &taken, &bounds).expect("room beside");
        assert!(moved && !room.overlaps(&taken.rooms[0]));
        let free = number_place((50.0, 50.0), 8.0, &taken, &bounds).expect("room on the point");
        assert!(!free.2, "a number with room stays on its point");
    }
}
