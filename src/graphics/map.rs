//! The map of the twelve regions: the overview's, with the poles the voices mention and the
//! regions' numbers, and each region brief's, with its region highlighted.

use std::fmt::Write;

use jiha_data::checked::Region;

use super::place::{Room, Taken, inside};
use super::{FONT_SIZE, WIDTH, haloed, name, open, text_width, xml};

/// Latitude whose cosine scales longitudes, so that Morocco keeps its shape (an
/// equirectangular projection centred near 29° N).
const STANDARD_PARALLEL: f64 = 29.0;

/// The size of the regions' numbers.
const NUMBER_SIZE: f64 = 9.0;

/// The radius of the ring around a city where a pole is mentioned.
const RING: f64 = 6.0;

/// A region of the map (with its outline), and how to draw it.
#[derive(Debug, Clone)]
pub struct MapRegion<'a> {
    pub region: &'a Region,
    /// The poles mentioned here, by any voice: the region is hatched, its chef-lieu (where
    /// each of these poles is placed) ringed, and each pole has a label of its own.
    pub poles: Vec<String>,
    /// Drawn dark: the region a brief is about.
    pub highlighted: bool,
    /// Name of the chef-lieu, written beside its dot when the region is highlighted.
    pub capital: String,
}

/// What the map says in words.
#[derive(Debug, Clone)]
pub struct MapText<'a> {
    /// A name for this map, unique among the drawings of a document: it names the map's
    /// pattern, whose id must be unique on an HTML page that holds several maps.
    pub id: &'a str,
    pub title: &'a str,
    /// Legend entries: the pole fill, a plain region, a highlighted region, a chef-lieu,
    /// the ring of a pole's city, a region's number.
    pub legend_pole: &'a str,
    pub legend_other: &'a str,
    pub legend_highlight: &'a str,
    pub legend_capital: &'a str,
    pub legend_pole_city: &'a str,
    pub legend_number: &'a str,
    /// Each region carries its number (its HCP code, as the tables print it).
    pub numbered: bool,
    /// The page is right to left: the legend reads from the right.
    pub rtl: bool,
}

/// Projects (lon, lat) to the drawing, `top` units below its top edge and `left` units right
/// of its left edge.
pub(super) struct Projection {
    pub(super) left: f64,
    min_lon: f64,
    max_lat: f64,
    scale: f64,
    cos: f64,
    top: f64,
}

impl Projection {
    /// The projection that fits `outlines` in `width`, and the height it gives them.
    pub(super) fn fit(outlines: &[&[(f64, f64)]], width: f64, top: f64) -> (Projection, f64) {
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
        let projection = Projection {
            left: 0.0,
            min_lon,
            max_lat,
            scale,
            cos,
            top,
        };
        (projection, height)
    }

    pub(super) fn point(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.left + (lon - self.min_lon) * self.cos * self.scale,
            self.top + (self.max_lat - lat) * self.scale,
        )
    }
}

/// The centre of a ring (area-weighted).
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

/// The map as drawn: the regions' outlines and chefs-lieux in the drawing's units, and the
/// room the labels may use.
struct Sheet<'a> {
    regions: &'a [MapRegion<'a>],
    rings: Vec<Vec<(f64, f64)>>,
    cities: Vec<(f64, f64)>,
    bounds: Room,
}

impl Sheet<'_> {
    /// The share of `room` that covers land (sampled on a grid).
    fn land(&self, room: &Room) -> f64 {
        let mut on_land = 0;
        for i in 0..5 {
            for j in 0..3 {
                let x = room.left + (room.right - room.left) * f64::from(i) / 4.0;
                let y = room.top + (room.bottom - room.top) * f64::from(j) / 2.0;
                if self.rings.iter().any(|ring| inside(ring, (x, y))) {
                    on_land += 1;
                }
            }
        }
        f64::from(on_land) / 15.0
    }

    /// The share of the segment from `a` to `b` that runs over a region other than `own`.
    fn over_others(&self, a: (f64, f64), b: (f64, f64), own: usize) -> f64 {
        let steps = 12;
        let over = (0..=steps)
            .filter(|&k| {
                let t = f64::from(k) / f64::from(steps);
                let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                self.rings
                    .iter()
                    .enumerate()
                    .any(|(i, ring)| i != own && inside(ring, p))
            })
            .count();
        over as f64 / f64::from(steps + 1)
    }
}

/// The map of the regions. Pole regions are hatched, and each pole is labelled where there
/// is room, with a leader line to the ringed city it names; the highlighted region is dark;
/// every chef-lieu is a dot; each region may carry its number.
pub fn map(regions: &[MapRegion], text: &MapText) -> String {
    let outlines: Vec<&[(f64, f64)]> = regions
        .iter()
        .map(|r| r.region.outline.as_slice())
        .collect();
    let labelled = regions.iter().any(|r| !r.poles.is_empty());
    // Room above the northern coast for the poles' labels.
    let top = if labelled { 24.0 } else { 4.0 };
    let (projection, map_height) = Projection::fit(&outlines, WIDTH, top);
    let map_bottom = top + map_height;
    let entries = legend_entries(regions, text);
    let legend_top = map_bottom + 12.0;
    let height = legend_top + entries.len().div_ceil(2) as f64 * LEGEND_ROW + 4.0;
    let sheet = Sheet {
        regions,
        rings: outlines
            .iter()
            .map(|ring| {
                ring.iter()
                    .map(|&(lon, lat)| projection.point(lon, lat))
                    .collect()
            })
            .collect(),
        cities: regions
            .iter()
            .map(|r| projection.point(r.region.capital.lon, r.region.capital.lat))
            .collect(),
        bounds: Room {
            left: 2.0,
            top: 2.0,
            right: WIDTH - 2.0,
            bottom: map_bottom + 4.0,
        },
    };
    let hatch = format!("hatch-{}", text.id);
    let mut svg = open(height, text.title);
    if labelled {
        let _ = write!(
            svg,
            r##"<defs><pattern id="{hatch}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#e6e6e6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="1.6"/></pattern></defs>"##
        );
    }
    draw_regions(&mut svg, &sheet, &hatch);
    let mut taken = draw_cities(&mut svg, &sheet);
    draw_capital_name(&mut svg, &sheet, &mut taken, text.rtl);
    draw_pole_labels(&mut svg, &sheet, &mut taken, text.rtl);
    if text.numbered {
        draw_numbers(&mut svg, &sheet, &mut taken);
    }
    let sample = regions.first().map_or("", |r| r.region.hcp_code.as_str());
    draw_legend(&mut svg, &entries, (text.rtl, legend_top), &hatch, sample);
    svg.push_str("</svg>");
    svg
}

/// Each region's outline: dark when highlighted, hatched when it holds a pole.
fn draw_regions(svg: &mut String, sheet: &Sheet, hatch: &str) {
    for (r, ring) in sheet.regions.iter().zip(&sheet.rings) {
        let fill = if r.highlighted {
            "#3a3a3a".to_string()
        } else if !r.poles.is_empty() {
            format!("url(#{hatch})")
        } else {
            "#ffffff".to_string()
        };
        let mut d = String::new();
        for (i, (x, y)) in ring.iter().enumerate() {
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

/// Each chef-lieu as a dot, ringed when a pole is mentioned there. Returns the room the
/// dots and rings take, which no label may cover.
fn draw_cities(svg: &mut String, sheet: &Sheet) -> Taken {
    let mut taken = Taken::default();
    for (r, &(x, y)) in sheet.regions.iter().zip(&sheet.cities) {
        let (fill, stroke) = if r.highlighted {
            ("#ffffff", "#000000")
        } else {
            ("#000000", "#ffffff")
        };
        let _ = write!(
            svg,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="3" fill="{fill}" stroke="{stroke}" stroke-width="1"/>"#
        );
        let radius = if r.poles.is_empty() {
            4.0
        } else {
            let _ = write!(
                svg,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="{RING:.1}" fill="none" stroke="#000" stroke-width="1.2"/>"##
            );
            RING + 1.0
        };
        taken.rooms.push(Room::of_dot((x, y), radius));
    }
    taken
}

/// The highlighted region's chef-lieu, named beside its dot: on the side where it fits.
fn draw_capital_name(svg: &mut String, sheet: &Sheet, taken: &mut Taken, rtl: bool) {
    for (r, &(x, y)) in sheet.regions.iter().zip(&sheet.cities) {
        if !r.highlighted {
            continue;
        }
        let width = text_width(&r.capital, FONT_SIZE);
        let sides = [
            (x + 6.0, y + 4.0, "start"),
            (x - 6.0, y + 4.0, "end"),
            (x + 4.0, y - 6.0, "start"),
            (x - 4.0, y - 6.0, "end"),
            (x + 4.0, y + 15.0, "start"),
            (x - 4.0, y + 15.0, "end"),
        ];
        let placed = sides.iter().find_map(|&(lx, ly, anchor)| {
            let room = Room::of_text(lx, ly, width, FONT_SIZE, anchor);
            taken
                .fits(&room, None, &sheet.bounds)
                .then_some((lx, ly, anchor, room))
        });
        // Where nothing fits (never with the dataset's map), the first side.
        let (lx, ly, anchor, room) = placed.unwrap_or_else(|| {
            let (lx, ly, anchor) = sides[0];
            (
                lx,
                ly,
                anchor,
                Room::of_text(lx, ly, width, FONT_SIZE, anchor),
            )
        });
        haloed(
            svg,
            (lx, ly),
            anchor,
            r#" font-weight="bold""#,
            &name(&r.capital, rtl),
        );
        taken.rooms.push(room);
    }
}

/// A label placed with its leader line: where its text starts, its anchor, its room, and
/// the line from the label to the ring.
type Leadered = ((f64, f64), &'static str, Room, ((f64, f64), (f64, f64)));

/// Where a label `width` wide naming the city at `city` (of region `own`) fits best: near
/// the city, off the land, its leader over no other region.
fn place_pole(
    sheet: &Sheet,
    taken: &Taken,
    city: (f64, f64),
    own: usize,
    width: f64,
) -> Option<Leadered> {
    const DIRECTIONS: [(f64, f64); 8] = [
        (-1.0, 0.0),
        (-0.7, -0.7),
        (-0.7, 0.7),
        (0.0, -1.0),
        (0.0, 1.0),
        (0.7, -0.7),
        (0.7, 0.7),
        (1.0, 0.0),
    ];
    let mut best: Option<(f64, Leadered)> = None;
    for distance in [18.0, 28.0, 40.0, 54.0, 70.0, 90.0, 115.0, 145.0, 180.0] {
        for (ux, uy) in DIRECTIONS {
            let p = (city.0 + ux * distance, city.1 + uy * distance);
            let baseline = match uy {
                uy if uy < 0.0 => p.1 - FONT_SIZE * 0.45,
                uy if uy > 0.0 => p.1 + FONT_SIZE * 1.05,
                _ => p.1 + FONT_SIZE * 0.3,
            };
            // The label's natural side (away from the city), then its other alignments.
            let natural = match ux {
                ux if ux < 0.0 => "end",
                ux if ux > 0.0 => "start",
                _ => "middle",
            };
            for anchor in ["end", "middle", "start"] {
                let room = Room::of_text(p.0, baseline, width, FONT_SIZE, anchor);
                let from = room.nearest(city);
                let length = (from.0 - city.0).hypot(from.1 - city.1);
                if length <= RING + 2.0 {
                    continue;
                }
                let to = (
                    city.0 + (from.0 - city.0) * RING / length,
                    city.1 + (from.1 - city.1) * RING / length,
                );
                if !taken.fits(&room, Some((from, to)), &sheet.bounds) {
                    continue;
                }
                let cost = distance
                    + if anchor == natural { 0.0 } else { 10.0 }
                    + 150.0 * sheet.land(&room)
                    + 120.0 * sheet.over_others(from, to, own);
                if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                    best = Some((cost, ((p.0, baseline), anchor, room, (from, to))));
                }
            }
        }
    }
    best.map(|(_, placed)| placed)
}

/// Each pole's label, where it fits, with a leader line to its city's ring; top to bottom.
fn draw_pole_labels(svg: &mut String, sheet: &Sheet, taken: &mut Taken, rtl: bool) {
    let mut labels: Vec<(usize, &str)> = sheet
        .regions
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.poles.iter().map(move |pole| (i, pole.as_str())))
        .collect();
    labels.sort_by(|a, b| sheet.cities[a.0].1.total_cmp(&sheet.cities[b.0].1));
    for (i, pole) in labels {
        let city = sheet.cities[i];
        let width = text_width(pole, FONT_SIZE);
        let Some(((x, y), anchor, room, (from, to))) = place_pole(sheet, taken, city, i, width)
        else {
            continue;
        };
        let _ = write!(
            svg,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#000" stroke-width="0.6" stroke-dasharray="2 2"/>"##,
            from.0, from.1, to.0, to.1
        );
        haloed(
            svg,
            (x, y),
            anchor,
            r#" font-weight="bold""#,
            &name(pole, rtl),
        );
        taken.rooms.push(room);
        taken.leaders.push((from, to));
    }
}

/// Each region's number, inside it, as near its centre as the labels and dots allow.
fn draw_numbers(svg: &mut String, sheet: &Sheet, taken: &mut Taken) {
    for (r, ring) in sheet.regions.iter().zip(&sheet.rings) {
        let number = &r.region.hcp_code;
        let width = text_width(number, NUMBER_SIZE);
        let centre = centroid(ring);
        let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in ring {
            (left, top, right, bottom) = (left.min(x), top.min(y), right.max(x), bottom.max(y));
        }
        // The points of a grid over the region, nearest its centre first.
        let mut points = Vec::new();
        let mut y = top;
        while y <= bottom + NUMBER_SIZE {
            let mut x = left;
            while x <= right {
                points.push((x, y));
                x += 3.0;
            }
            y += 3.0;
        }
        let lift = NUMBER_SIZE * 0.3;
        let distance = |&(x, y): &(f64, f64)| (x - centre.0).hypot(y - lift - centre.1);
        points.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
        // The first place wholly inside the region, else the nearest mostly inside.
        let mut best: Option<(usize, (f64, f64), Room)> = None;
        for (x, y) in points {
            let room = Room::of_text(x, y, width, NUMBER_SIZE, "middle");
            if !inside(ring, (x, y - lift)) {
                continue;
            }
            let corners = [
                (room.left, room.top),
                (room.right, room.top),
                (room.left, room.bottom),
                (room.right, room.bottom),
            ];
            let within = corners.iter().filter(|&&p| inside(ring, p)).count();
            if within < 2 || best.as_ref().is_some_and(|(w, _, _)| within <= *w) {
                continue;
            }
            if taken.fits(&room, None, &sheet.bounds) {
                best = Some((within, (x, y), room));
                if within == corners.len() {
                    break;
                }
            }
        }
        if let Some((_, at, room)) = best {
            let style = format!(r#" font-size="{NUMBER_SIZE:.0}""#);
            haloed(svg, at, "middle", &style, &xml(number));
            taken.rooms.push(room);
        }
    }
}

/// What the legend shows: each kind of mark the map draws, with its label.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mark {
    Pole,
    Other,
    Highlight,
    Capital,
    PoleCity,
    Number,
}

fn legend_entries<'a>(regions: &[MapRegion], text: &MapText<'a>) -> Vec<(Mark, &'a str)> {
    let poles = regions.iter().any(|r| !r.poles.is_empty());
    let highlight = regions.iter().any(|r| r.highlighted);
    [
        (Mark::Pole, text.legend_pole, poles),
        (Mark::Other, text.legend_other, true),
        (Mark::Highlight, text.legend_highlight, highlight),
        (Mark::Capital, text.legend_capital, true),
        (Mark::PoleCity, text.legend_pole_city, poles),
        (Mark::Number, text.legend_number, text.numbered),
    ]
    .into_iter()
    .filter(|(_, _, shown)| *shown)
    .map(|(mark, label, _)| (mark, label))
    .collect()
}

/// The distance between two rows of the legend: Amiri's line box, about 1.7 em, with room.
const LEGEND_ROW: f64 = 24.0;

/// The legend, in two columns from `top`: each mark drawn as on the map (a region's number
/// as `sample`), then its label.
fn draw_legend(
    svg: &mut String,
    entries: &[(Mark, &str)],
    (rtl, top): (bool, f64),
    hatch: &str,
    sample: &str,
) {
    for (i, (mark, label)) in entries.iter().enumerate() {
        let column = (i % 2) as f64;
        let y = top + (i / 2) as f64 * LEGEND_ROW;
        let box_x = if rtl {
            WIDTH - 16.0 - column * (WIDTH / 2.0)
        } else {
            4.0 + column * (WIDTH / 2.0)
        };
        let (cx, cy) = (box_x + 6.0, y + 6.0);
        let _ = match mark {
            Mark::Pole => write!(
                svg,
                r##"<rect x="{box_x:.1}" y="{y:.1}" width="12" height="12" fill="url(#{hatch})" stroke="#444" stroke-width="0.7"/>"##
            ),
            Mark::Other | Mark::Highlight => write!(
                svg,
                r##"<rect x="{box_x:.1}" y="{y:.1}" width="12" height="12" fill="{}" stroke="#444" stroke-width="0.7"/>"##,
                if *mark == Mark::Other {
                    "#ffffff"
                } else {
                    "#3a3a3a"
                }
            ),
            Mark::Capital => write!(
                svg,
                r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="3" fill="#000"/>"##
            ),
            Mark::PoleCity => write!(
                svg,
                r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="3" fill="#000"/><circle cx="{cx:.1}" cy="{cy:.1}" r="{RING:.1}" fill="none" stroke="#000" stroke-width="1.2"/>"##
            ),
            Mark::Number => write!(
                svg,
                r#"<text x="{cx:.1}" y="{:.1}" text-anchor="middle" font-size="{NUMBER_SIZE:.0}">{}</text>"#,
                cy + 3.0,
                xml(sample)
            ),
        };
        let (tx, anchor) = if rtl {
            (box_x - 6.0, "end")
        } else {
            (box_x + 18.0, "start")
        };
        let _ = write!(
            svg,
            r#"<text x="{tx:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"#,
            y + 10.0,
            name(label, rtl)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_has_its_centre_in_the_middle() {
        let ring = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)];
        let (x, y) = centroid(&ring);
        assert!((x - 1.0).abs() < 1e-9 && (y - 1.0).abs() < 1e-9);
    }
}
