//! Territories and geometry: the twelve regions, their indicators, outlines and chefs-lieux.

use super::*;

impl Checker<'_> {
    /// Rule 6 and the indicator values. Returns the region ids.
    pub(super) fn check_territories(&mut self, parsed: &Parsed<Territories>) -> BTreeSet<String> {
        let t = &parsed.value;
        if t.country.hcp_code != "MA" {
            self.error_at(
                parsed,
                "country.hcp_code",
                format!("the country's HCP code is `{}`", t.country.hcp_code),
            )
            .help = Some("the national row has HCP code `MA`".to_string());
        }
        let expected: Vec<String> = (1..=REGION_COUNT).map(|n| format!("{n:02}")).collect();
        let mut codes: HashMap<&str, usize> = HashMap::new();
        for (i, region) in t.regions.iter().enumerate() {
            let path = format!("regions[{i}].hcp_code");
            if !expected.contains(&region.hcp_code) {
                self.error_at(
                    parsed,
                    &path,
                    format!("invalid HCP region code `{}`", region.hcp_code),
                )
                .help = Some("region codes run from `01` to `12`".to_string());
            } else if let Some(first) = codes.insert(&region.hcp_code, i) {
                let first_id = &t.regions[first].id;
                self.error_at(
                    parsed,
                    &path,
                    format!("HCP code `{}` is used twice", region.hcp_code),
                )
                .help = Some(format!(
                    "region `{first_id}` already has code `{}`",
                    region.hcp_code
                ));
            }
        }
        if t.regions.len() != REGION_COUNT {
            let missing: Vec<&str> = expected
                .iter()
                .map(String::as_str)
                .filter(|c| !codes.contains_key(c))
                .collect();
            let d = self.error_at(
                parsed,
                "regions",
                format!(
                    "the dataset has {} regions, not {REGION_COUNT}",
                    t.regions.len()
                ),
            );
            d.help = Some(if missing.is_empty() {
                "the 2015 division has exactly 12 regions, HCP codes 01 to 12; remove the extra ones".to_string()
            } else {
                format!(
                    "the 2015 division has 12 regions; missing HCP codes: {}",
                    missing.join(", ")
                )
            });
        }

        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, region) in t.regions.iter().enumerate() {
            let path = format!("regions[{i}].id");
            self.check_slug(parsed, &path, "region", &region.id);
            if RESERVED_IDS.contains(&region.id.as_str()) {
                self.error_at(
                    parsed,
                    &path,
                    format!("region id `{}` is reserved", region.id),
                )
                .help = Some(format!(
                    "`{}` names a brief of its own; choose another id",
                    region.id
                ));
            }
            if let Some(first) = ids.insert(&region.id, i) {
                let first_at = self.position(
                    &parsed.file,
                    self.span(parsed, &format!("regions[{first}].id")),
                );
                self.error_at(
                    parsed,
                    &path,
                    format!("duplicate region id `{}`", region.id),
                )
                .help = Some(format!(
                    "ids are unique among regions; `{}` is first defined at {first_at}",
                    region.id
                ));
            }
            self.plain(parsed, &format!("regions[{i}].name_fr"), &region.name_fr);
            self.plain(parsed, &format!("regions[{i}].name_ar"), &region.name_ar);
        }

        // Indicators: one value per (kind, year), in range, the same set everywhere.
        let national = self.indicator_keys(parsed, "country", &t.country.indicators);
        for (i, region) in t.regions.iter().enumerate() {
            let own = self.indicator_keys(parsed, &format!("regions[{i}]"), &region.indicators);
            for (kind, year) in national.difference(&own) {
                self.error_at(
                    parsed,
                    &format!("regions[{i}].indicators"),
                    format!("region `{}` has no {kind:?} value for {year}", region.id),
                )
                .help = Some("every region carries the indicators the country carries, so that each can be compared with the national value".to_string());
            }
            for (kind, year) in own.difference(&national) {
                self.error_at(
                    parsed,
                    &format!("regions[{i}].indicators"),
                    format!(
                        "region `{}` has a {kind:?} value for {year}, but the country has none",
                        region.id
                    ),
                )
                .help = Some(
                    "add the national value to `country.indicators`, to compare the region with"
                        .to_string(),
                );
            }
        }
        t.regions.iter().map(|r| r.id.clone()).collect()
    }

    pub(super) fn indicator_keys(
        &mut self,
        parsed: &Parsed<Territories>,
        owner: &str,
        indicators: &[crate::model::Indicator],
    ) -> BTreeSet<(IndicatorKind, i32)> {
        let mut keys = BTreeSet::new();
        for (j, indicator) in indicators.iter().enumerate() {
            let path = format!("{owner}.indicators[{j}]");
            if !keys.insert((indicator.kind, indicator.year)) {
                self.error_at(
                    parsed,
                    &format!("{path}.kind"),
                    format!("{:?} for {} is given twice", indicator.kind, indicator.year),
                )
                .help = Some("keep one value per indicator and year".to_string());
            }
            if !(1900..=2100).contains(&indicator.year) {
                self.error_at(
                    parsed,
                    &format!("{path}.year"),
                    format!("year {} is outside 1900 to 2100", indicator.year),
                )
                .help = Some("write the census year, for example `2024`".to_string());
            }
            let v = indicator.value;
            let problem = match indicator.kind.unit() {
                _ if !v.is_finite() => Some(format!("{v} is not a number")),
                Unit::Percent if !(0.0..=100.0).contains(&v) => {
                    Some(format!("percentage {v} is outside 0 to 100"))
                }
                Unit::Count if v < 1.0 || v.fract() != 0.0 => {
                    Some(format!("count {v} is not a positive whole number"))
                }
                Unit::Kilometres if v < 0.0 => Some(format!("distance {v} is negative")),
                _ => None,
            };
            if let Some(problem) = problem {
                self.error_at(
                    parsed,
                    &format!("{path}.value"),
                    format!("value out of range: {problem}"),
                )
                .help = Some("check the value against the HCP table".to_string());
            }
            if indicator.source.is_none() {
                let d = self.error_at(
                    parsed,
                    &format!("{path}.kind"),
                    format!("{:?} value has no source", indicator.kind),
                );
                d.label = Some("this value names no source".to_string());
                d.help = Some(
                    "every indicator value names its source: add `source: \"<source id>\"`"
                        .to_string(),
                );
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
            self.text(parsed, &format!("{owner}.capital.name"), &capital.name);
            self.reference(
                parsed,
                &format!("{owner}.capital.decree"),
                "source",
                &capital.decree,
                &refs.sources,
            );
            self.reference(
                parsed,
                &format!("{owner}.capital.coordinates"),
                "source",
                &capital.coordinates,
                &refs.sources,
            );
            if !(-90.0..=90.0).contains(&capital.lat) || !(-180.0..=180.0).contains(&capital.lon) {
                self.error_at(
                    parsed,
                    &format!("{owner}.capital"),
                    format!(
                        "coordinates ({}, {}) are not a place on Earth",
                        capital.lat, capital.lon
                    ),
                )
                .help = Some(
                    "`lat` is within -90 to 90 and `lon` within -180 to 180, in degrees"
                        .to_string(),
                );
            }
            for (j, indicator) in indicators.iter().enumerate() {
                if let Some(source) = &indicator.source {
                    self.reference(
                        parsed,
                        &format!("{owner}.indicators[{j}].source"),
                        "source",
                        source,
                        &refs.sources,
                    );
                }
            }
        }
    }

    pub(super) fn check_outlines(&mut self, parsed: &Parsed<Outlines>, refs: &Refs) {
        let o = &parsed.value;
        self.reference(parsed, "source", "source", &o.source, &refs.sources);
        let mut seen = BTreeSet::new();
        for (i, outline) in o.regions.iter().enumerate() {
            let path = format!("regions[{i}]");
            self.reference(
                parsed,
                &format!("{path}.region"),
                "region",
                &outline.region,
                &refs.regions,
            );
            if !seen.insert(outline.region.as_str()) {
                self.error_at(
                    parsed,
                    &format!("{path}.region"),
                    format!("region `{}` has two outlines", outline.region),
                )
                .help = Some("keep one outline per region".to_string());
            }
            let ring = &outline.ring;
            if ring.len() < 4 || ring.first() != ring.last() {
                self.error_at(
                    parsed,
                    &format!("{path}.ring"),
                    format!("the outline of `{}` is not a closed ring", outline.region),
                )
                .help = Some(
                    "a ring has at least 4 points and its last point repeats its first".to_string(),
                );
            }
            let (west, south, east, north) = MOROCCO_BOUNDS;
            if let Some((j, _)) = ring.iter().enumerate().find(|(_, (lon, lat))| {
                !(west..=east).contains(lon) || !(south..=north).contains(lat)
            }) {
                self.error_at(
                    parsed,
                    &format!("{path}.ring[{j}]"),
                    "point lies outside Morocco's bounding box".to_string(),
                )
                .help = Some(format!(
                    "points are written `(lon, lat)` in degrees, longitude first, within longitude {west} to {east} and latitude {south} to {north}"
                ));
            }
        }
        if let Some(regions) = &refs.regions {
            for region in regions.iter().filter(|r| !seen.contains(r.as_str())) {
                self.error_at(
                    parsed,
                    "regions",
                    format!("region `{region}` has no outline"),
                )
                .help = Some("add an `Outline(region: ..., ring: [...])` for it".to_string());
            }
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
            let d = self.error_at(
                territories,
                &format!("regions[{i}].capital"),
                format!(
                    "the chef-lieu of `{}` (lat {}, lon {}) lies outside the region's outline",
                    region.id, region.capital.lat, region.capital.lon
                ),
            );
            d.help = Some(format!(
                "check `lat` and `lon` (degrees north and east), or the outline of `{}` in outlines.ron",
                region.id
            ));
        }
    }
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
