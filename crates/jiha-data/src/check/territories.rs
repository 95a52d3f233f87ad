//! Territories and geometry: the twelve regions, their indicators, outlines and chefs-lieux.

use super::*;
use crate::model::Area;

/// What the rules on territories and geometry can find.
#[derive(Debug, Clone, PartialEq)]
pub enum TerritoryFinding {
    /// The country's HCP code is not `MA`.
    CountryCode { code: String },
    /// A region's HCP code is not one of `01` to `12`.
    InvalidRegionCode { code: String },
    /// Two regions share an HCP code; `first_id` has it first.
    RegionCodeTwice { code: String, first_id: String },
    /// Not twelve regions; `missing` are the codes no region has.
    RegionCount { count: usize, missing: Vec<String> },
    /// A region lacks an indicator value the country has.
    IndicatorMissing {
        region: String,
        kind: IndicatorKind,
        area: Area,
        year: i32,
    },
    /// A region has an indicator value the country lacks.
    IndicatorExtra {
        region: String,
        kind: IndicatorKind,
        area: Area,
        year: i32,
    },
    /// An indicator given twice for a year (and area).
    IndicatorTwice {
        kind: IndicatorKind,
        area: Area,
        year: i32,
    },
    /// An indicator's year outside 1900 to 2100.
    CensusYear { year: i32 },
    /// An indicator's value that cannot be right.
    IndicatorOutOfRange(OutOfRange),
    /// An indicator value that names no source.
    IndicatorWithoutSource { kind: IndicatorKind },
    /// A chef-lieu's coordinates that are no place on Earth.
    NotOnEarth { lat: f64, lon: f64 },
    /// A region with two outlines.
    OutlineTwice { region: String },
    /// An outline that is not a closed ring.
    OpenRing { region: String },
    /// An outline's point outside [`MOROCCO_BOUNDS`].
    OutsideMorocco,
    /// An outline that is a point or a line: fewer than 3 `distinct` points.
    TooFewPoints { region: String, distinct: usize },
    /// An outline thinner than [`OUTLINE_MIN_SIDE`] one way: `width` and `height` in degrees.
    Flat {
        region: String,
        width: f64,
        height: f64,
    },
    /// An outline enclosing less than [`OUTLINE_MIN_AREA`] square degrees.
    NoArea { region: String, area: f64 },
    /// A region without an outline.
    NoOutline { region: String },
    /// A chef-lieu outside its region's outline.
    CapitalOutside { region: String, lat: f64, lon: f64 },
}

impl Describe for TerritoryFinding {
    fn message(&self) -> String {
        use TerritoryFinding as F;
        match self {
            F::CountryCode { code } => format!("the country's HCP code is `{code}`"),
            F::InvalidRegionCode { code } => format!("invalid HCP region code `{code}`"),
            F::RegionCodeTwice { code, .. } => format!("HCP code `{code}` is used twice"),
            F::RegionCount { count, .. } => {
                format!("the dataset has {count} regions, not {REGION_COUNT}")
            }
            F::IndicatorMissing {
                region,
                kind,
                area,
                year,
            } => format!(
                "region `{region}` has no {kind:?}{} value for {year}",
                area_words(*area)
            ),
            F::IndicatorExtra {
                region,
                kind,
                area,
                year,
            } => format!(
                "region `{region}` has a {kind:?}{} value for {year}, but the country has none",
                area_words(*area)
            ),
            F::IndicatorTwice { kind, area, year } => {
                format!("{kind:?}{} for {year} is given twice", area_words(*area))
            }
            F::CensusYear { year } => format!("year {year} is outside 1900 to 2100"),
            F::IndicatorOutOfRange(problem) => format!("value out of range: {problem}"),
            F::IndicatorWithoutSource { kind } => format!("{kind:?} value has no source"),
            F::NotOnEarth { lat, lon } => {
                format!("coordinates ({lat}, {lon}) are not a place on Earth")
            }
            F::OutlineTwice { region } => format!("region `{region}` has two outlines"),
            F::OpenRing { region } => format!("the outline of `{region}` is not a closed ring"),
            F::OutsideMorocco => "point lies outside Morocco's bounding box".to_string(),
            F::TooFewPoints { region, distinct } => format!(
                "the outline of `{region}` has {distinct} distinct point{}: it is not an area",
                if *distinct == 1 { "" } else { "s" }
            ),
            F::Flat {
                region,
                width,
                height,
            } => format!(
                "the outline of `{region}` is {width:.4}° wide and {height:.4}° high: too thin to be a region"
            ),
            F::NoArea { region, area } => format!(
                "the outline of `{region}` encloses {area:.6} square degrees: it has (almost) no area"
            ),
            F::NoOutline { region } => format!("region `{region}` has no outline"),
            F::CapitalOutside { region, lat, lon } => format!(
                "the chef-lieu of `{region}` (lat {lat}, lon {lon}) lies outside the region's outline"
            ),
        }
    }

    fn label(&self) -> Option<String> {
        matches!(self, TerritoryFinding::IndicatorWithoutSource { .. })
            .then(|| "this value names no source".to_string())
    }

    fn help(&self) -> Option<String> {
        use TerritoryFinding as F;
        Some(match self {
            F::CountryCode { .. } => "the national row has HCP code `MA`".into(),
            F::InvalidRegionCode { .. } => "region codes run from `01` to `12`".into(),
            F::RegionCodeTwice { code, first_id } => {
                format!("region `{first_id}` already has code `{code}`")
            }
            F::RegionCount { missing, .. } if missing.is_empty() => "the 2015 division has exactly 12 regions, HCP codes 01 to 12; remove the extra ones".into(),
            F::RegionCount { missing, .. } => format!(
                "the 2015 division has 12 regions; missing HCP codes: {}",
                missing.join(", ")
            ),
            F::IndicatorMissing { .. } => "every region carries the indicators the country carries, so that each can be compared with the national value".into(),
            F::IndicatorExtra { .. } => {
                "add the national value to `country.indicators`, to compare the region with".into()
            }
            F::IndicatorTwice { .. } => "keep one value per indicator, area and year".into(),
            F::CensusYear { .. } => "write the census year, for example `2024`".into(),
            F::IndicatorOutOfRange(_) => "check the value against the HCP table".into(),
            F::IndicatorWithoutSource { .. } => {
                "every indicator value names its source: add `source: \"<source id>\"`".into()
            }
            F::NotOnEarth { .. } => {
                "`lat` is within -90 to 90 and `lon` within -180 to 180, in degrees".into()
            }
            F::OutlineTwice { .. } => "keep one outline per region".into(),
            F::OpenRing { .. } => {
                "a ring has at least 4 points and its last point repeats its first".into()
            }
            F::OutsideMorocco => {
                let (west, south, east, north) = MOROCCO_BOUNDS;
                format!(
                    "points are written `(lon, lat)` in degrees, longitude first, within longitude {west} to {east} and latitude {south} to {north}"
                )
            }
            F::NoOutline { .. } => "add an `Outline(region: ..., ring: [...])` for it".into(),
            F::TooFewPoints { .. } | F::Flat { .. } | F::NoArea { .. } => format!(
                "a region's outline goes around it: at least 3 distinct points, at least {OUTLINE_MIN_SIDE}° wide and high, enclosing at least {OUTLINE_MIN_AREA} square degrees (every region of Morocco encloses more than 1); check that the points are `(lon, lat)` and not repeated"
            ),
            F::CapitalOutside { region, .. } => format!(
                "check `lat` and `lon` (degrees north and east), or the outline of `{region}` in outlines.ron"
            ),
        })
    }
}

impl Checker<'_> {
    /// Rule 6, the region ids and names, and the indicator values. Returns the region ids.
    pub(super) fn check_territories(&mut self, parsed: &Parsed<Territories>) -> BTreeSet<String> {
        self.check_codes(parsed);
        let ids = self.region_ids(parsed);
        let country = &parsed.value.country;
        let mut names = vec![("country".to_string(), &country.name_fr, &country.name_ar)];
        for (i, region) in parsed.value.regions.iter().enumerate() {
            names.push((format!("regions[{i}]"), &region.name_fr, &region.name_ar));
        }
        for (owner, fr, ar) in names {
            self.plain_as(parsed, &format!("{owner}.name_fr"), fr, Field::Title);
            self.plain_as(parsed, &format!("{owner}.name_ar"), ar, Field::Title);
        }
        self.check_indicator_sets(parsed);
        ids
    }

    /// Rule 6: the country is `MA`, the regions are `01` to `12`, each once.
    fn check_codes(&mut self, parsed: &Parsed<Territories>) {
        let t = &parsed.value;
        if t.country.hcp_code != "MA" {
            let code = t.country.hcp_code.clone();
            self.report(
                parsed,
                "country.hcp_code",
                TerritoryFinding::CountryCode { code },
            );
        }
        let expected: Vec<String> = (1..=REGION_COUNT).map(|n| format!("{n:02}")).collect();
        let mut codes: HashMap<&str, usize> = HashMap::new();
        for (i, region) in t.regions.iter().enumerate() {
            let path = format!("regions[{i}].hcp_code");
            let code = region.hcp_code.clone();
            if !expected.contains(&region.hcp_code) {
                self.report(parsed, &path, TerritoryFinding::InvalidRegionCode { code });
            } else if let Some(first) = codes.insert(&region.hcp_code, i) {
                let first_id = t.regions[first].id.clone();
                self.report(
                    parsed,
                    &path,
                    TerritoryFinding::RegionCodeTwice { code, first_id },
                );
            }
        }
        if t.regions.len() != REGION_COUNT {
            let missing: Vec<String> = expected
                .into_iter()
                .filter(|c| !codes.contains_key(c.as_str()))
                .collect();
            let count = t.regions.len();
            self.report(
                parsed,
                "regions",
                TerritoryFinding::RegionCount { count, missing },
            );
        }
    }

    /// Indicators: one value per (kind, area, year), in range, the same set everywhere: a
    /// region is compared with the country over everyone, and over the urban or the rural
    /// population where both give that split.
    fn check_indicator_sets(&mut self, parsed: &Parsed<Territories>) {
        let t = &parsed.value;
        let national = self.indicator_keys(parsed, "country", &t.country.indicators);
        for (i, region) in t.regions.iter().enumerate() {
            let own = self.indicator_keys(parsed, &format!("regions[{i}]"), &region.indicators);
            let path = format!("regions[{i}].indicators");
            for &(kind, area, year) in national.difference(&own) {
                let region = region.id.clone();
                let finding = TerritoryFinding::IndicatorMissing {
                    region,
                    kind,
                    area,
                    year,
                };
                self.report(parsed, &path, finding);
            }
            for &(kind, area, year) in own.difference(&national) {
                let region = region.id.clone();
                let finding = TerritoryFinding::IndicatorExtra {
                    region,
                    kind,
                    area,
                    year,
                };
                self.report(parsed, &path, finding);
            }
        }
    }

    /// One value per (kind, area, year), in range, with a source: the rules on the
    /// indicators of every territory. Returns the keys.
    pub(super) fn indicator_keys<T>(
        &mut self,
        parsed: &Parsed<T>,
        owner: &str,
        indicators: &[crate::model::Indicator],
    ) -> BTreeSet<(IndicatorKind, Area, i32)> {
        let mut keys = BTreeSet::new();
        for (j, indicator) in indicators.iter().enumerate() {
            let path = format!("{owner}.indicators[{j}]");
            let (kind, area, year) = (indicator.kind, indicator.area, indicator.year);
            if !keys.insert((kind, area, year)) {
                let finding = TerritoryFinding::IndicatorTwice { kind, area, year };
                self.report(parsed, &format!("{path}.kind"), finding);
            }
            if !(1900..=2100).contains(&year) {
                self.report(
                    parsed,
                    &format!("{path}.year"),
                    TerritoryFinding::CensusYear { year },
                );
            }
            if let Some(problem) = indicator_problem(indicator) {
                let finding = TerritoryFinding::IndicatorOutOfRange(problem);
                self.report(parsed, &format!("{path}.value"), finding);
            }
            if indicator.source.is_none() {
                let finding = TerritoryFinding::IndicatorWithoutSource { kind };
                self.report(parsed, &format!("{path}.kind"), finding);
            }
        }
        keys
    }

    pub(super) fn check_territory_refs(&mut self, parsed: &Parsed<Territories>, refs: &Refs) {
        let t = &parsed.value;
        let mut owners: Vec<(String, &crate::model::Capital, &[crate::model::Indicator])> = vec![(
            "country".to_string(),
            &t.country.capital,
            &t.country.indicators,
        )];
        for (i, region) in t.regions.iter().enumerate() {
            owners.push((format!("regions[{i}]"), &region.capital, &region.indicators));
        }
        for (owner, capital, indicators) in owners {
            let name = &capital.name;
            self.text_as(parsed, &format!("{owner}.capital.name"), name, Field::Title);
            let decree = format!("{owner}.capital.decree");
            self.reference(parsed, &decree, IdKind::Source, &capital.decree, refs);
            let coordinates = format!("{owner}.capital.coordinates");
            self.reference(
                parsed,
                &coordinates,
                IdKind::Source,
                &capital.coordinates,
                refs,
            );
            if !(-90.0..=90.0).contains(&capital.lat) || !(-180.0..=180.0).contains(&capital.lon) {
                let (lat, lon) = (capital.lat, capital.lon);
                let finding = TerritoryFinding::NotOnEarth { lat, lon };
                self.report(parsed, &format!("{owner}.capital"), finding);
            }
            for (j, indicator) in indicators.iter().enumerate() {
                if let Some(source) = &indicator.source {
                    let path = format!("{owner}.indicators[{j}].source");
                    self.reference(parsed, &path, IdKind::Source, source, refs);
                }
            }
        }
    }

    pub(super) fn check_outlines(&mut self, parsed: &Parsed<Outlines>, refs: &Refs) {
        let o = &parsed.value;
        self.reference(parsed, "source", IdKind::Source, &o.source, refs);
        let mut seen = BTreeSet::new();
        for (i, outline) in o.regions.iter().enumerate() {
            let path = format!("regions[{i}]");
            let at_region = format!("{path}.region");
            self.reference(parsed, &at_region, IdKind::Region, &outline.region, refs);
            let region = outline.region.clone();
            if !seen.insert(outline.region.as_str()) {
                let finding = TerritoryFinding::OutlineTwice {
                    region: region.clone(),
                };
                self.report(parsed, &at_region, finding);
            }
            let ring = &outline.ring;
            if !closed(ring) {
                let finding = TerritoryFinding::OpenRing { region };
                self.report(parsed, &format!("{path}.ring"), finding);
            }
            if let Some(j) = outside_morocco(ring) {
                let finding = TerritoryFinding::OutsideMorocco;
                self.report(parsed, &format!("{path}.ring[{j}]"), finding);
            } else if let Some(finding) = degenerate(&outline.region, ring) {
                self.report(parsed, &format!("{path}.ring"), finding);
            }
        }
        self.check_every_region_outlined(parsed, refs);
    }

    /// Every region has an outline.
    pub(super) fn check_every_region_outlined(&mut self, parsed: &Parsed<Outlines>, refs: &Refs) {
        let Some(regions) = &refs.regions else { return };
        let outlined: BTreeSet<&str> = parsed
            .value
            .regions
            .iter()
            .map(|o| o.region.as_str())
            .collect();
        for region in regions.iter().filter(|r| !outlined.contains(r.as_str())) {
            let region = region.clone();
            self.report(parsed, "regions", TerritoryFinding::NoOutline { region });
        }
    }

    /// Each chef-lieu falls inside its region's outline (or just off a simplified coast).
    pub(super) fn check_capitals(
        &mut self,
        territories: &Parsed<Territories>,
        outlines: &Parsed<Outlines>,
    ) {
        for (i, region) in territories.value.regions.iter().enumerate() {
            let Some(outline) = outlines
                .value
                .regions
                .iter()
                .find(|o| o.region == region.id)
            else {
                continue;
            };
            let point = (region.capital.lon, region.capital.lat);
            if inside(point, &outline.ring)
                || distance_to_ring(point, &outline.ring) <= CAPITAL_TOLERANCE
            {
                continue;
            }
            let finding = TerritoryFinding::CapitalOutside {
                region: region.id.clone(),
                lat: region.capital.lat,
                lon: region.capital.lon,
            };
            self.report(territories, &format!("regions[{i}].capital"), finding);
        }
    }
}

/// Why an indicator's value cannot be right, given its unit.
fn indicator_problem(indicator: &crate::model::Indicator) -> Option<OutOfRange> {
    let v = indicator.value;
    match indicator.kind.unit() {
        _ if !v.is_finite() => Some(OutOfRange::NotANumber(v)),
        Unit::Percent if !(0.0..=100.0).contains(&v) => Some(OutOfRange::Percent(v)),
        Unit::Count if v < 1.0 || v.fract() != 0.0 => Some(OutOfRange::CountNotWhole(v)),
        Unit::Kilometres if v < 0.0 => Some(OutOfRange::NegativeDistance(v)),
        _ => None,
    }
}

/// The narrowest an outline may be, in degrees (about 10 km), either way: a map is drawn to
/// the outlines' extent, and a flat one would stretch it without end.
pub const OUTLINE_MIN_SIDE: f64 = 0.1;

/// How a finding names an area: nothing for everyone, ` (Urban)` otherwise.
fn area_words(area: Area) -> String {
    match area {
        Area::Total => String::new(),
        area => format!(" ({area:?})"),
    }
}

/// The least area an outline may enclose, in square degrees (about 100 km²).
pub const OUTLINE_MIN_AREA: f64 = 0.01;

/// Why an outline (its points inside Morocco, so finite) is no area: a point or a line,
/// too thin, or enclosing (almost) nothing.
fn degenerate(region: &str, ring: &[(f64, f64)]) -> Option<TerritoryFinding> {
    let region = region.to_string();
    Some(
        match shape_problem(ring, OUTLINE_MIN_SIDE, OUTLINE_MIN_AREA)? {
            Shape::TooFewPoints { distinct } => TerritoryFinding::TooFewPoints { region, distinct },
            Shape::Flat { width, height } => TerritoryFinding::Flat {
                region,
                width,
                height,
            },
            Shape::NoArea { area } => TerritoryFinding::NoArea { region, area },
        },
    )
}

/// Why a ring encloses no area: the rule on every outline, a region's or a province's, each
/// with its own least side and area.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// Fewer than 3 `distinct` points: a point or a line.
    TooFewPoints { distinct: usize },
    /// Thinner than the least side one way: `width` and `height` in degrees.
    Flat { width: f64, height: f64 },
    /// Enclosing less than the least area, in square degrees.
    NoArea { area: f64 },
}

/// What a [`Shape`] problem is, in words that follow « a ring of the outline of `x` ».
pub(super) fn shape_words(shape: &Shape) -> String {
    match shape {
        Shape::TooFewPoints { distinct } => format!(
            "has {distinct} distinct point{}",
            if *distinct == 1 { "" } else { "s" }
        ),
        Shape::Flat { width, height } => format!("is {width:.4}° wide and {height:.4}° high"),
        Shape::NoArea { area } => format!("encloses {area:.6} square degrees"),
    }
}

/// Why a ring (its points inside Morocco, so finite) is no area at least `min_side` degrees
/// wide and high and `min_area` square degrees large.
pub(super) fn shape_problem(ring: &[(f64, f64)], min_side: f64, min_area: f64) -> Option<Shape> {
    let mut distinct: Vec<(f64, f64)> = Vec::new();
    for point in ring {
        if !distinct.contains(point) {
            distinct.push(*point);
            if distinct.len() == 3 {
                break;
            }
        }
    }
    if distinct.len() < 3 {
        let distinct = distinct.len();
        return Some(Shape::TooFewPoints { distinct });
    }
    let (mut west, mut south) = (f64::INFINITY, f64::INFINITY);
    let (mut east, mut north) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for &(lon, lat) in ring {
        (west, east) = (west.min(lon), east.max(lon));
        (south, north) = (south.min(lat), north.max(lat));
    }
    let (width, height) = (east - west, north - south);
    if width < min_side || height < min_side {
        return Some(Shape::Flat { width, height });
    }
    let twice: f64 = ring
        .windows(2)
        .map(|pair| pair[0].0 * pair[1].1 - pair[1].0 * pair[0].1)
        .sum();
    let area = twice.abs() / 2.0;
    (area < min_area).then_some(Shape::NoArea { area })
}

/// The first of a ring's points outside [`MOROCCO_BOUNDS`], if any.
pub(super) fn outside_morocco(ring: &[(f64, f64)]) -> Option<usize> {
    let (west, south, east, north) = MOROCCO_BOUNDS;
    ring.iter()
        .position(|(lon, lat)| !(west..=east).contains(lon) || !(south..=north).contains(lat))
}

/// Whether a ring is closed: at least 4 points, the last repeating the first.
pub(super) fn closed(ring: &[(f64, f64)]) -> bool {
    ring.len() >= 4 && ring.first() == ring.last()
}

/// Whether a (lon, lat) point is inside a closed ring (even-odd rule).
pub fn inside((x, y): (f64, f64), ring: &[(f64, f64)]) -> bool {
    let mut inside = false;
    for pair in ring.windows(2) {
        let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// The distance in degrees from a point to the nearest edge of a ring.
pub(super) fn distance_to_ring((px, py): (f64, f64), ring: &[(f64, f64)]) -> f64 {
    ring.windows(2)
        .map(|pair| {
            let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
            let (dx, dy) = (x2 - x1, y2 - y1);
            let length = dx * dx + dy * dy;
            let t = if length > 0.0 {
                (((px - x1) * dx + (py - y1) * dy) / length).clamp(0.0, 1.0)
            } else {
                0.0
            };
            ((px - x1 - t * dx).powi(2) + (py - y1 - t * dy).powi(2)).sqrt()
        })
        .fold(f64::INFINITY, f64::min)
}
