//! The provinces and préfectures (`provinces/<region-id>.ron`): each file's region, the
//! codes, the names, the indicators and their sources, and the sums.

use super::*;
use crate::model::{Area, Province, ProvinceKind, RegionProvinces};

/// The folder that holds one file of provinces per region.
pub const PROVINCES_DIR: &str = "provinces";

/// The census counts whose parts add up exactly: the provinces' to their region's (the one
/// place that ties a region's counts in `regions.ron` to its provinces'; the briefs read
/// each from its own file), and (for the population) the communes' to their province's.
const SUMMED: [(IndicatorKind, i32); 9] = [
    (IndicatorKind::Population, 2024),
    (IndicatorKind::Population, 2014),
    (IndicatorKind::Households, 2024),
    (IndicatorKind::Businesses, 2024),
    (IndicatorKind::IndustryEstablishments, 2024),
    (IndicatorKind::CommerceEstablishments, 2024),
    (IndicatorKind::ServicesEstablishments, 2024),
    (IndicatorKind::ConstructionEstablishments, 2024),
    (IndicatorKind::PermanentJobs, 2024),
];

/// What the rules on the provinces can find.
#[derive(Debug, Clone, PartialEq)]
pub enum ProvinceFinding {
    /// The file `provinces/<file>.ron` holds the provinces of another region.
    FileNotRegion { file: String, region: String },
    /// The file's HCP region code is not its region's.
    RegionCode {
        region: String,
        code: String,
        expected: String,
    },
    /// A province's code is not HCP's form (`113`, or `141.01.00` for a préfecture
    /// d'arrondissements).
    InvalidCode { code: String, kind: ProvinceKind },
    /// A province code given twice, in one region or in two.
    CodeTwice { code: String, first: String },
    /// A préfecture d'arrondissements whose `within` names no préfecture of its region, or
    /// another unit with a `within`.
    Within {
        code: String,
        kind: ProvinceKind,
        within: Option<String>,
    },
    /// A commune code given twice.
    CommuneCodeTwice { code: String, first: String },
    /// Communes (`count`, the first `code`) whose codes do not start with their region's and
    /// province's codes.
    CommuneOutside {
        code: String,
        count: usize,
        prefix: String,
    },
    /// A province without a value the sums need.
    CountMissing { kind: IndicatorKind, year: i32 },
    /// Two units' French names make the same brief id, or one makes the id of another
    /// brief (`first`).
    IdTwice { id: String, first: String },
    /// The parts (`communes` or `provinces`) do not add up to the whole.
    Sum {
        kind: IndicatorKind,
        year: i32,
        parts_of: &'static str,
        whole: String,
        value: f64,
        parts: f64,
    },
    /// A province outline (`code` is the province it names) that breaks a rule.
    Outline {
        code: String,
        problem: super::province_outlines::OutlineProblem,
    },
}

impl Describe for ProvinceFinding {
    fn message(&self) -> String {
        use ProvinceFinding as F;
        match self {
            F::FileNotRegion { file, region } => {
                format!("`provinces/{file}.ron` holds the provinces of region `{region}`")
            }
            F::RegionCode {
                region,
                code,
                expected,
            } => {
                format!("region `{region}` has HCP code `{expected}` in regions.ron, not `{code}`")
            }
            F::InvalidCode { code, kind } => format!("invalid HCP code `{code}` for a {kind:?}"),
            F::CodeTwice { code, .. } => format!("province code `{code}` is used twice"),
            F::Within {
                code,
                kind: ProvinceKind::PrefectureOfArrondissements,
                within: Some(w),
            } => format!("`{code}` lies `within` `{w}`, which is no préfecture of its region"),
            F::Within {
                code,
                kind: ProvinceKind::PrefectureOfArrondissements,
                within: None,
            } => format!("préfecture d'arrondissements `{code}` names no préfecture `within`"),
            F::Within { code, kind, .. } => {
                format!("{kind:?} `{code}` lies `within` another unit")
            }
            F::CommuneCodeTwice { code, .. } => format!("commune code `{code}` is used twice"),
            F::CommuneOutside {
                code,
                count: 1,
                prefix,
            } => {
                format!("commune `{code}` does not start with its province's `{prefix}`")
            }
            F::CommuneOutside {
                code,
                count,
                prefix,
            } => format!(
                "{count} communes, from `{code}` on, do not start with their province's `{prefix}`"
            ),
            F::CountMissing { kind, year } => format!("no {kind:?} value for {year}"),
            F::IdTwice { id, first } => {
                format!("this name makes the brief id `{id}`, which {first} has already")
            }
            F::Sum {
                kind,
                year,
                parts_of,
                whole,
                value,
                parts,
            } => format!(
                "the {parts_of} of {whole} add up to {parts:.0} ({kind:?} {year}), not its {value:.0}"
            ),
            F::Outline { code, problem } => problem.message(code),
        }
    }

    fn help(&self) -> Option<String> {
        use ProvinceFinding as F;
        Some(match self {
            F::FileNotRegion { file, .. } => {
                format!("a file of provinces is named after its region: write `region: \"{file}\"`, or rename the file")
            }
            F::RegionCode { expected, .. } => format!("write `hcp_code: \"{expected}\"`"),
            F::InvalidCode { .. } => "a province or préfecture has HCP's three digits (`113`); a préfecture d'arrondissements, its code under its préfecture (`141.01.00`)".into(),
            F::CodeTwice { first, .. } => format!(
                "a province belongs to one region and has its own code; {first} already has it"
            ),
            F::Within { .. } => "only a préfecture d'arrondissements lies `within` a préfecture: the HCP code of a `Prefecture` of the same region".into(),
            F::CommuneCodeTwice { first, .. } => format!("{first} already has it"),
            F::CommuneOutside { .. } => "a commune's code is its region's, its province's, its cercle's and its own: check the code, or the province it is listed under".into(),
            F::CountMissing { .. } => "every province and préfecture carries its population in 2024 and 2014, its households in 2024 and its establishments and their permanent jobs mapped in 2024, from the census".into(),
            F::IdTwice { .. } => "each province and préfecture has a brief whose id is its French name as a slug: two units may not share it, nor a unit and another brief; rename the proposal or region".into(),
            F::Sum { .. } => "these are counts: the parts add up exactly; run scripts/import-census.py again rather than editing a value by hand".into(),
            F::Outline { problem, .. } => problem.help(),
        })
    }
}

impl Checker<'_> {
    /// Every rule on the files of provinces: each file alone, then the codes across them.
    pub(super) fn check_provinces(
        &mut self,
        files: &[(Parsed<RegionProvinces>, String)],
        territories: Option<&Parsed<Territories>>,
        refs: &Refs,
    ) {
        for (parsed, stem) in files {
            self.check_province_file(parsed, stem, territories, refs);
        }
        let files: Vec<&Parsed<RegionProvinces>> = files.iter().map(|(p, _)| p).collect();
        self.check_province_codes(&files, refs);
    }

    /// The codes and brief ids across the files of provinces (in the order of their
    /// names): each given twice is reported where it is given again.
    pub(super) fn check_province_codes(&mut self, files: &[&Parsed<RegionProvinces>], refs: &Refs) {
        // Who has each code or id first, by place: (file, province, commune); the reserved
        // and other briefs' ids by name. Named only when given twice.
        type Place = (usize, usize, Option<usize>);
        let mut codes: HashMap<&str, Place> = HashMap::new();
        let mut communes: HashMap<&str, Place> = HashMap::new();
        let mut ids: HashMap<String, Result<Place, String>> = (brief_ids(refs).into_iter())
            .map(|(id, owner)| (id, Err(owner)))
            .collect();
        let owner = |(f, i, commune): Place| {
            let (region, province) = (&files[f].value.region, &files[f].value.provinces[i]);
            let owner = format!("`{}` of region `{region}`", province.name_fr);
            match commune {
                None => owner,
                Some(j) => format!("commune `{}` of {owner}", province.communes[j].name_fr),
            }
        };
        for (f, parsed) in files.iter().enumerate() {
            for (i, province) in parsed.value.provinces.iter().enumerate() {
                if let Some(&first) = codes.get(province.hcp_code.as_str()) {
                    let (code, first) = (province.hcp_code.clone(), owner(first));
                    let path = format!("provinces[{i}].hcp_code");
                    self.report(*parsed, &path, ProvinceFinding::CodeTwice { code, first });
                }
                codes.insert(&province.hcp_code, (f, i, None));
                let id = province_id(&province.name_fr);
                if let Some(first) = ids.insert(id.clone(), Ok((f, i, None))) {
                    let first = first.map_or_else(|brief| brief, owner);
                    let path = format!("provinces[{i}].name_fr");
                    self.report(*parsed, &path, ProvinceFinding::IdTwice { id, first });
                }
                for (j, commune) in province.communes.iter().enumerate() {
                    if let Some(&first) = communes.get(commune.hcp_code.as_str()) {
                        let (code, first) = (commune.hcp_code.clone(), owner(first));
                        let path = format!("provinces[{i}].communes[{j}].hcp_code");
                        let finding = ProvinceFinding::CommuneCodeTwice { code, first };
                        self.report(*parsed, &path, finding);
                    }
                    communes.insert(&commune.hcp_code, (f, i, Some(j)));
                }
            }
        }
    }

    /// One file: its region, its units, and the sums to the region.
    pub(super) fn check_province_file(
        &mut self,
        parsed: &Parsed<RegionProvinces>,
        stem: &str,
        territories: Option<&Parsed<Territories>>,
        refs: &Refs,
    ) {
        let value = &parsed.value;
        self.reference(parsed, "region", IdKind::Region, &value.region, refs);
        if value.region != stem {
            let (file, region) = (stem.to_string(), value.region.clone());
            self.report(
                parsed,
                "region",
                ProvinceFinding::FileNotRegion { file, region },
            );
        }
        let region_code_ok = self.check_against_region(parsed, territories);
        for (i, province) in value.provinces.iter().enumerate() {
            self.check_province(parsed, i, province, refs, region_code_ok);
        }
    }

    /// What a file of provinces must agree on with `regions.ron`: its region's HCP code,
    /// and the sums. Whether the code is right (or the region unknown, reported elsewhere).
    pub(super) fn check_against_region(
        &mut self,
        parsed: &Parsed<RegionProvinces>,
        territories: Option<&Parsed<Territories>>,
    ) -> bool {
        let value = &parsed.value;
        let region = territories.and_then(|t| {
            let regions = &t.value.regions;
            regions.iter().find(|r| r.id == value.region)
        });
        let Some(region) = region else { return true };
        if region.hcp_code != value.hcp_code {
            let finding = ProvinceFinding::RegionCode {
                region: region.id.clone(),
                code: value.hcp_code.clone(),
                expected: region.hcp_code.clone(),
            };
            self.report(parsed, "hcp_code", finding);
        }
        let whole = format!("region `{}`", region.id);
        let units = value.provinces.iter();
        let units = units.filter(|p| p.kind != ProvinceKind::PrefectureOfArrondissements);
        let parts: Vec<&[crate::model::Indicator]> =
            units.map(|p| p.indicators.as_slice()).collect();
        self.check_sums(parsed, "provinces", &whole, &region.indicators, &parts);
        region.hcp_code == value.hcp_code
    }

    /// One province: its code, names, `within`, indicators and communes.
    fn check_province(
        &mut self,
        parsed: &Parsed<RegionProvinces>,
        i: usize,
        province: &Province,
        refs: &Refs,
        region_code_ok: bool,
    ) {
        let at = format!("provinces[{i}]");
        let arrondissements = province.kind == ProvinceKind::PrefectureOfArrondissements;
        if !code_form(&province.hcp_code, arrondissements) {
            let (code, kind) = (province.hcp_code.clone(), province.kind);
            let finding = ProvinceFinding::InvalidCode { code, kind };
            self.report(parsed, &format!("{at}.hcp_code"), finding);
        }
        let prefecture = |code: &String| {
            let units = parsed.value.provinces.iter();
            units
                .filter(|p| p.kind == ProvinceKind::Prefecture)
                .any(|p| &p.hcp_code == code && province.hcp_code.starts_with(code.as_str()))
        };
        let within_ok = match &province.within {
            None => !arrondissements,
            Some(code) => arrondissements && prefecture(code),
        };
        if !within_ok {
            let (code, within) = (province.hcp_code.clone(), province.within.clone());
            let kind = province.kind;
            let finding = ProvinceFinding::Within { code, kind, within };
            self.report(parsed, &format!("{at}.kind"), finding);
        }
        self.plain_as(
            parsed,
            &format!("{at}.name_fr"),
            &province.name_fr,
            Field::Title,
        );
        self.plain_as(
            parsed,
            &format!("{at}.name_ar"),
            &province.name_ar,
            Field::Title,
        );
        let keys = self.indicator_keys(parsed, &at, &province.indicators);
        for (j, indicator) in province.indicators.iter().enumerate() {
            if let Some(source) = &indicator.source {
                let path = format!("{at}.indicators[{j}].source");
                self.reference(parsed, &path, IdKind::Source, source, refs);
            }
        }
        for (kind, year) in SUMMED {
            if !keys.contains(&(kind, Area::Total, year)) {
                let finding = ProvinceFinding::CountMissing { kind, year };
                self.report(parsed, &format!("{at}.indicators"), finding);
            }
        }
        if !arrondissements {
            let codes = region_code_ok && code_form(&province.hcp_code, false);
            self.check_communes(parsed, i, province, codes);
        }
    }

    /// A province's communes: their codes (unless `codes` is false: the codes they start
    /// with are wrong already), names and populations.
    fn check_communes(
        &mut self,
        parsed: &Parsed<RegionProvinces>,
        i: usize,
        province: &Province,
        codes: bool,
    ) {
        let prefix = format!("{}.{}.", parsed.value.hcp_code, province.hcp_code);
        let outside: Vec<usize> = (province.communes.iter().enumerate())
            .filter(|(_, c)| codes && !c.hcp_code.starts_with(&prefix))
            .map(|(j, _)| j)
            .collect();
        if let Some(&j) = outside.first() {
            let code = province.communes[j].hcp_code.clone();
            let count = outside.len();
            let finding = ProvinceFinding::CommuneOutside {
                code,
                count,
                prefix,
            };
            self.report(
                parsed,
                &format!("provinces[{i}].communes[{j}].hcp_code"),
                finding,
            );
        }
        for (j, commune) in province.communes.iter().enumerate() {
            let at = format!("provinces[{i}].communes[{j}]");
            self.plain_as(
                parsed,
                &format!("{at}.name_fr"),
                &commune.name_fr,
                Field::Title,
            );
            self.plain_as(
                parsed,
                &format!("{at}.name_ar"),
                &commune.name_ar,
                Field::Title,
            );
        }
        let communes = province.communes.iter();
        let sums: [(i32, u64); 2] = [
            (2024, communes.clone().map(|c| c.population_2024).sum()),
            (2014, communes.filter_map(|c| c.population_2014).sum()),
        ];
        for (year, parts) in sums {
            let kind = IndicatorKind::Population;
            let Some(value) = total(&province.indicators, kind, year) else {
                continue;
            };
            if value != parts as f64 {
                let whole = format!("`{}`", province.name_fr);
                let parts = parts as f64;
                let parts_of = "communes";
                let finding = ProvinceFinding::Sum {
                    kind,
                    year,
                    parts_of,
                    whole,
                    value,
                    parts,
                };
                self.report(parsed, &format!("provinces[{i}].communes"), finding);
            }
        }
    }

    /// The parts' counts add up to the whole's, for each count both carry.
    fn check_sums(
        &mut self,
        parsed: &Parsed<RegionProvinces>,
        path: &str,
        whole: &str,
        of_whole: &[crate::model::Indicator],
        parts: &[&[crate::model::Indicator]],
    ) {
        for (kind, year) in SUMMED {
            let Some(value) = total(of_whole, kind, year) else {
                continue;
            };
            let Some(values) = parts
                .iter()
                .map(|p| total(p, kind, year))
                .collect::<Option<Vec<f64>>>()
            else {
                continue; // Reported as missing.
            };
            let parts: f64 = values.iter().sum();
            if parts != value {
                let (whole, parts_of) = (whole.to_string(), "provinces and préfectures");
                let finding = ProvinceFinding::Sum {
                    kind,
                    year,
                    parts_of,
                    whole,
                    value,
                    parts,
                };
                self.report(parsed, path, finding);
            }
        }
    }
}

/// The id of a province's brief: its French name as a slug (`Béni Mellal`: `beni-mellal`).
pub fn province_id(name_fr: &str) -> String {
    super::ids::slugify(name_fr)
}

/// The ids of the other briefs (overview, book, proposals, regions), each with what has it.
fn brief_ids(refs: &Refs) -> HashMap<String, String> {
    let reserved = RESERVED_IDS.iter().map(|id| id.to_string());
    let known = refs
        .regions
        .iter()
        .chain(&refs.proposals)
        .flatten()
        .cloned();
    (reserved.chain(known))
        .map(|id| (id.clone(), format!("the brief `{id}`")))
        .collect()
}

/// The value of `kind` in `year` over everyone, if given.
fn total(indicators: &[crate::model::Indicator], kind: IndicatorKind, year: i32) -> Option<f64> {
    let mut found = indicators.iter();
    let found = found.find(|i| i.kind == kind && i.year == year && i.area == Area::Total)?;
    Some(found.value)
}

/// Whether `code` is HCP's form: three digits, or for a préfecture d'arrondissements three
/// digits and two pairs (`141.01.00`).
fn code_form(code: &str, arrondissements: bool) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = code.split('.').collect();
    match (arrondissements, parts.as_slice()) {
        (false, [p]) => digits(p, 3),
        (true, [p, a, b]) => digits(p, 3) && digits(a, 2) && digits(b, 2),
        _ => false,
    }
}
