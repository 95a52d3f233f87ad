//! The province outlines (`outlines` of `provinces/<region-id>.ron`): each names a province
//! of its file, is closed, inside Morocco and an area, holds its label, and lies inside its
//! region's outline; every province and préfecture has one.

use super::territories::{Shape, closed, distance_to_ring, outside_morocco, shape_problem};
use super::*;
use crate::model::{ProvinceKind, ProvinceOutline, RegionProvinces};

/// The narrowest a province's ring may be, in degrees (about 5 km): the préfecture of Rabat,
/// the smallest, is 0.17° by 0.14°.
pub const PROVINCE_OUTLINE_MIN_SIDE: f64 = 0.05;

/// The least area a province's ring may enclose, in square degrees (about 10 km²): Rabat
/// encloses 0.0115. The import script drops smaller parts.
pub const PROVINCE_OUTLINE_MIN_AREA: f64 = 0.001;

/// How far (in degrees, about 2 km) a point of a province's outline may lie outside its
/// region's: both are simplified at 0.01°, separately, so a shared border may drift by up to
/// twice that. The real outlines stay within 0.011°.
pub const PROVINCE_OUTSIDE_REGION: f64 = 0.02;

impl Checker<'_> {
    /// Every rule on a file's province outlines but the one on its region's outline.
    pub(super) fn check_province_outlines(&mut self, parsed: &Parsed<RegionProvinces>) {
        let value = &parsed.value;
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for (k, outline) in value.outlines.iter().enumerate() {
            let code = outline.province.clone();
            let at = format!("outlines[{k}]");
            let known = value.provinces.iter().any(|p| {
                p.hcp_code == outline.province
                    && p.kind != ProvinceKind::PrefectureOfArrondissements
            });
            if !known {
                let finding = finding(code, OutlineProblem::Unknown);
                self.report(parsed, &format!("{at}.province"), finding);
                continue;
            }
            if !seen.insert(outline.province.as_str()) {
                let finding = finding(code, OutlineProblem::Twice);
                self.report(parsed, &format!("{at}.province"), finding);
                continue;
            }
            if self.check_rings(parsed, &at, outline) && !within(outline.label, &outline.rings) {
                let finding = finding(code, OutlineProblem::LabelOutside);
                self.report(parsed, &format!("{at}.label"), finding);
            }
        }
        for (i, province) in value.provinces.iter().enumerate() {
            let outlined = seen.contains(province.hcp_code.as_str());
            if province.kind != ProvinceKind::PrefectureOfArrondissements && !outlined {
                let name = province.name_fr.clone();
                let finding = finding(province.hcp_code.clone(), OutlineProblem::Missing { name });
                self.report(parsed, &format!("provinces[{i}]"), finding);
            }
        }
    }

    /// Each ring of one outline closed, inside Morocco and an area; whether all are.
    fn check_rings(
        &mut self,
        parsed: &Parsed<RegionProvinces>,
        at: &str,
        o: &ProvinceOutline,
    ) -> bool {
        let code = || o.province.clone();
        if o.rings.is_empty() {
            let shape = Shape::TooFewPoints { distinct: 0 };
            let finding = finding(code(), OutlineProblem::Shape(shape));
            self.report(parsed, &format!("{at}.rings"), finding);
            return false;
        }
        let mut sound = true;
        for (r, ring) in o.rings.iter().enumerate() {
            let path = format!("{at}.rings[{r}]");
            if !closed(ring) {
                let finding = finding(code(), OutlineProblem::Open);
                self.report(parsed, &path, finding);
                sound = false;
            }
            if let Some(j) = outside_morocco(ring) {
                let finding = finding(code(), OutlineProblem::OutsideMorocco);
                self.report(parsed, &format!("{path}[{j}]"), finding);
                sound = false;
            } else if let Some(shape) =
                shape_problem(ring, PROVINCE_OUTLINE_MIN_SIDE, PROVINCE_OUTLINE_MIN_AREA)
            {
                let finding = finding(code(), OutlineProblem::Shape(shape));
                self.report(parsed, &path, finding);
                sound = false;
            }
        }
        sound
    }

    /// Every point of each province outline lies inside its region's outline, or within
    /// [`PROVINCE_OUTSIDE_REGION`] of it: the first point that does not is reported.
    pub(super) fn check_outlines_in_region(
        &mut self,
        parsed: &Parsed<RegionProvinces>,
        outlines: &Parsed<Outlines>,
    ) {
        let value = &parsed.value;
        let regions = outlines.value.regions.iter();
        let Some(region) = regions.clone().find(|o| o.region == value.region) else {
            return; // Reported as a region without an outline.
        };
        let ring = &region.ring;
        let broken = !closed(ring) || outside_morocco(ring).is_some();
        if broken || shape_problem(ring, OUTLINE_MIN_SIDE, OUTLINE_MIN_AREA).is_some() {
            return; // The region's outline is reported; nothing lies inside it.
        }
        for (k, outline) in value.outlines.iter().enumerate() {
            let rings = outline.rings.iter().enumerate();
            // A point outside Morocco is reported as such.
            let mut rings = rings.filter(|(_, points)| outside_morocco(points).is_none());
            let far = rings.find_map(|(r, points)| {
                points.iter().enumerate().find_map(|(j, &point)| {
                    if inside(point, ring) {
                        return None;
                    }
                    let distance = distance_to_ring(point, ring);
                    (distance > PROVINCE_OUTSIDE_REGION).then_some((r, j, point, distance))
                })
            });
            if let Some((r, j, (lon, lat), distance)) = far {
                let region = value.region.clone();
                let problem = OutlineProblem::OutsideRegion {
                    region,
                    lon,
                    lat,
                    distance,
                };
                let finding = finding(outline.province.clone(), problem);
                self.report(parsed, &format!("outlines[{k}].rings[{r}][{j}]"), finding);
            }
        }
    }
}

/// The finding of a province outline's `problem`.
fn finding(code: String, problem: OutlineProblem) -> ProvinceFinding {
    ProvinceFinding::Outline { code, problem }
}

/// What can be wrong with a province outline.
#[derive(Debug, Clone, PartialEq)]
pub enum OutlineProblem {
    /// It names no province or préfecture of its file.
    Unknown,
    /// A second outline for one province.
    Twice,
    /// A province or préfecture (`name`) without an outline.
    Missing { name: String },
    /// A ring that is not closed.
    Open,
    /// A point outside [`MOROCCO_BOUNDS`].
    OutsideMorocco,
    /// A ring that encloses no area (a point, a line, a sliver).
    Shape(Shape),
    /// A point `distance` degrees outside its region's outline.
    OutsideRegion {
        region: String,
        lon: f64,
        lat: f64,
        distance: f64,
    },
    /// Its label point is not inside it.
    LabelOutside,
}

impl OutlineProblem {
    /// The message of the finding about province `code`'s outline.
    pub(super) fn message(&self, code: &str) -> String {
        use OutlineProblem as P;
        match self {
            P::Unknown => {
                format!("the outline of `{code}` names no province or préfecture of this file")
            }
            P::Twice => format!("province `{code}` has two outlines"),
            P::Missing { name } => format!("`{name}` (`{code}`) has no outline"),
            P::Open => format!("a ring of the outline of `{code}` is not closed"),
            P::OutsideMorocco => {
                format!("a point of the outline of `{code}` lies outside Morocco's bounding box")
            }
            P::Shape(shape) => format!(
                "a ring of the outline of `{code}` {}: it is not an area",
                super::territories::shape_words(shape)
            ),
            P::OutsideRegion {
                region,
                lon,
                lat,
                distance,
            } => format!(
                "the outline of `{code}` leaves region `{region}`: ({lon}, {lat}) lies {distance:.3}° outside the region's outline"
            ),
            P::LabelOutside => format!("the label point of `{code}` is not inside its outline"),
        }
    }

    /// How to mend it.
    pub(super) fn help(&self) -> String {
        use OutlineProblem as P;
        match self {
            P::Unknown => "an outline's `province` is the HCP code of a province or préfecture of the same file; a préfecture d'arrondissements has none (its préfecture's covers it)".into(),
            P::Twice => "keep one outline per province: its parts and holes are the rings of that one".into(),
            P::Missing { .. } => "every province and préfecture has an outline (only Casablanca's préfectures d'arrondissements have none): run scripts/import-census.py again".into(),
            P::Open => "a ring has at least 4 points and its last point repeats its first".into(),
            P::OutsideMorocco => "points are written `(lon, lat)` in degrees, longitude first".into(),
            P::Shape(_) => format!("each ring of a province's outline has at least 3 distinct points, is at least {PROVINCE_OUTLINE_MIN_SIDE}° wide and high and encloses at least {PROVINCE_OUTLINE_MIN_AREA} square degrees (Rabat, the smallest préfecture, 0.0115)"),
            P::OutsideRegion { region, .. } => format!("a province lies inside its region: every point of its outline within {PROVINCE_OUTSIDE_REGION}° of the outline of `{region}` in outlines.ron (both are simplified); check the point, or that the province is in its region's file"),
            P::LabelOutside => "`label` is where the map writes the province's number: a `(lon, lat)` point inside the outline (the import script takes the pole of inaccessibility)".into(),
        }
    }
}

/// Whether a point is inside an outline of several rings (even-odd rule: inside a part and
/// not in one of its holes).
pub fn within(point: (f64, f64), rings: &[Vec<(f64, f64)>]) -> bool {
    rings.iter().filter(|ring| inside(point, ring)).count() % 2 == 1
}
