//! The province briefs: listed, rendered in every format, each with its communes; the
//! region brief's table of its provinces; the book's annex.

use tempfile::TempDir;

use crate::support::{data_dir, jiha, tree};

/// What `jiha ARGS` prints; the run must succeed.
fn stdout(args: &[&str]) -> String {
    let output = jiha().args(args).output().expect("run jiha");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The communes of the unit `code` in `provinces/<region>.ron`, as written there: French
/// name, population in 2024 and in 2014 (`None` for one created since).
fn communes(region: &str, code: &str) -> Vec<(String, u64, Option<u64>)> {
    let path = data_dir().join(format!("provinces/{region}.ron"));
    let text = std::fs::read_to_string(path).expect("the file");
    let field = |line: &str, name: &str| -> String {
        let start = line.find(&format!("{name}: ")).expect(name) + name.len() + 2;
        let rest = &line[start..];
        let end = rest.find([',', ')']).expect("end of field");
        rest[..end].trim_matches('"').to_string()
    };
    let region_code = field(
        text.lines()
            .find(|l| l.starts_with("    hcp_code: "))
            .expect("code"),
        "hcp_code",
    );
    let prefix = format!("Commune(hcp_code: \"{region_code}.{code}.");
    text.lines()
        .filter(|l| l.contains(&prefix))
        .map(|l| {
            let p14 = field(l, "population_2014");
            let p14 = p14
                .strip_prefix("Some(")
                .map(|n| n.parse().expect("a count"));
            (
                field(l, "name_fr"),
                field(l, "population_2024").parse().expect("a count"),
                p14,
            )
        })
        .collect()
}

/// `23846` as French writes it: `23 846`, a narrow no-break space between groups.
fn french(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(d);
    }
    out
}

#[test]
fn list_kind_province_lists_the_75_provinces_and_prefectures() {
    let listed = stdout(&["list", "--kind", "province"]);
    let ids: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids.len(), 75, "{listed}");
    assert!(
        listed.lines().all(|l| l.contains("  province  ")),
        "{listed}"
    );
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), 75);
    for id in [
        "berkane",
        "oujda-angad",
        "casablanca",
        "beni-mellal",
        "m-diq-fnideq",
    ] {
        assert!(ids.contains(&id), "{id} missing from {listed}");
    }
    // The préfectures d'arrondissements have no brief of their own.
    assert!(!ids.contains(&"casablanca-anfa"));
    assert!(listed.contains("Préfecture\u{a0}: Oujda-Angad"), "{listed}");
    let arabic = stdout(&["list", "--kind", "province", "--lang", "ar"]);
    assert!(arabic.contains("عمالة وجدة-أنجاد"), "{arabic}");
    assert!(arabic.contains("إقليم بركان"), "{arabic}");
}

#[test]
fn render_kind_province_writes_75_briefs_in_each_format_and_nothing_else() {
    let out = TempDir::new().expect("tempdir");
    jiha()
        .args([
            "render", "--kind", "province", "--lang", "fr", "-f", "md,txt", "-o",
        ])
        .arg(out.path())
        .assert()
        .success();
    let files = tree(out.path());
    assert_eq!(files.len(), 75 * 2, "{:?}", files.keys());
    assert!(files.keys().all(|f| f.starts_with("fr/provinces/")));
    assert!(files.contains_key("fr/provinces/berkane.md"));
    assert!(files.contains_key("fr/provinces/aousserd.txt"));
}

#[test]
fn a_province_brief_holds_its_communes_most_populous_first() {
    let text = stdout(&["render", "berkane", "-f", "md", "-o", "-"]);
    let communes = communes("oriental", "113");
    assert_eq!(communes.len(), 16);
    let mut at = Vec::new();
    for (name, now, then) in &communes {
        let then = french(then.expect("every commune of Berkane existed in 2014"));
        let row = format!("| {name} — ");
        let line = (text.lines())
            .find(|l| l.starts_with(&row))
            .unwrap_or_else(|| panic!("{name} missing:\n{text}"));
        assert!(
            line.contains(&format!("| {} | {then} |", french(*now))),
            "{line}"
        );
        at.push((text.find(line).expect("found"), *now));
    }
    at.sort();
    let populations: Vec<u64> = at.iter().map(|(_, n)| *n).collect();
    let mut sorted = populations.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(
        populations, sorted,
        "the communes are not the most populous first"
    );
    assert!(text.contains("16 communes, de la plus peuplée en 2024 à la moins peuplée."));
}

#[test]
fn a_commune_created_since_2014_shows_a_dash_and_says_why() {
    let text = stdout(&["render", "aousserd", "-f", "md", "-o", "-"]);
    let created = communes("dakhla-oued-ed-dahab", "066");
    let created: Vec<_> = created.iter().filter(|c| c.2.is_none()).collect();
    assert!(!created.is_empty());
    for (name, now, _) in created {
        let line = (text.lines())
            .find(|l| l.starts_with(&format!("| {name} — ")))
            .unwrap_or_else(|| panic!("{name} missing:\n{text}"));
        assert!(
            line.ends_with(&format!("| {} | — |", french(*now))),
            "{line}"
        );
    }
    assert!(
        text.contains("—\u{a0}: commune créée depuis le recensement de 2014."),
        "{text}"
    );
}

#[test]
fn a_province_is_set_beside_its_region_with_the_gap() {
    let text = stdout(&["render", "berkane", "-f", "md", "-o", "-"]);
    // Unemployment: Berkane 28,7 %, Oriental 30,4 %; businesses 10 258 of 73 642.
    assert!(
        text.contains(
            "| Taux de chômage (2024) | 28,7\u{a0}% | 30,4\u{a0}% | −1,7\u{a0}pt | \\[3\\] |"
        ),
        "{text}"
    );
    assert!(
        text.contains("| urbain | 26,8\u{a0}% | 29,9\u{a0}% | −3,1\u{a0}pt |"),
        "{text}"
    );
    assert!(
        text.contains("| 10\u{202f}258 | 73\u{202f}642 | 13,9\u{a0}% de la région |"),
        "{text}"
    );
    let english = stdout(&["show", "berkane", "--lang", "en"]);
    let row = (english.lines())
        .find(|l| l.starts_with("Unemployment rate (2024) "))
        .expect("the unemployment row");
    let cells: Vec<&str> = row
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        cells[1..],
        ["28.7%", "30.4%", "−1.7\u{a0}pt", "[3]"],
        "{row}"
    );
    let arabic = stdout(&["show", "berkane", "--lang", "ar"]);
    assert!(arabic.contains("بركان"), "{arabic}");
    assert!(arabic.contains("10.258"), "{arabic}");
}

#[test]
fn casablanca_lists_its_prefectures_of_arrondissements_once() {
    let prefecture = stdout(&["render", "casablanca", "-f", "md", "-o", "-"]);
    assert!(
        prefecture.contains("# Préfectures d’arrondissements"),
        "{prefecture}"
    );
    for name in ["Casablanca-Anfa", "Moulay Rachid", "Ben M'sick"] {
        assert!(
            prefecture.contains(&format!("| {name} |")),
            "{name}:\n{prefecture}"
        );
    }
    let region = stdout(&["render", "casablanca-settat", "-f", "md", "-o", "-"]);
    assert!(
        region.contains("# Provinces et préfectures de la région"),
        "{region}"
    );
    assert_eq!(region.matches("(dans Casablanca)").count(), 8, "{region}");
    assert!(region.contains("Taux de chômage\u{a0}: de "), "{region}");
    // Casablanca's own row comes once, before the préfectures d'arrondissements.
    assert_eq!(
        region.matches("| Casablanca | Préfecture |").count(),
        1,
        "{region}"
    );
}

#[test]
fn the_default_render_leaves_the_provinces_out_and_links_to_those_written() {
    let out = TempDir::new().expect("tempdir");
    jiha()
        .args([
            "render", "oriental", "berkane", "--lang", "fr", "-f", "html", "-o",
        ])
        .arg(out.path())
        .assert()
        .success();
    let files = tree(out.path());
    let region = String::from_utf8_lossy(&files["fr/regions/oriental.html"]).into_owned();
    assert!(
        region.contains("href=\"../provinces/berkane.html\""),
        "no link to Berkane"
    );
    assert!(
        !region.contains("href=\"../provinces/driouch.html\""),
        "a link to a brief not written"
    );
    let berkane = String::from_utf8_lossy(&files["fr/provinces/berkane.html"]).into_owned();
    assert!(berkane.contains("href=\"../regions/oriental.html\""));
}
