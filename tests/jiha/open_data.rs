//! `jiha export --to json|csv`: the open data, read back and compared with the RON files.

use std::path::Path;

use jiha_data::model::{
    Actor, Figure, Indicator, Outlines, Proposal, Quantity, RegionProvinces, Source, Territories,
};
use serde::de::DeserializeOwned;
use tempfile::TempDir;

use crate::support::{data_dir, jiha};

/// A file of `data/`, parsed as the checks parse it.
fn ron_file<T: DeserializeOwned>(name: &str) -> T {
    let text = std::fs::read_to_string(data_dir().join(name)).expect("read the data file");
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&text)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The RON files of a folder of `data/`, in the order of their names.
fn ron_files<T: DeserializeOwned>(dir: &str) -> Vec<T> {
    let mut names: Vec<String> = std::fs::read_dir(data_dir().join(dir))
        .expect("read the folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| ron_file(&format!("{dir}/{n}")))
        .collect()
}

/// `jiha export --to FORMAT` of the embedded dataset into a new directory.
fn export(format: &str) -> TempDir {
    let out = TempDir::new().expect("temporary directory");
    jiha()
        .args(["export", "--to", format])
        .arg(out.path())
        .assert()
        .success();
    out
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).expect("read")).expect("JSON")
}

/// The part `key` of the JSON export, read back into the model's type.
fn part<T: DeserializeOwned>(export: &serde_json::Value, key: &str) -> T {
    serde_json::from_value(export[key].clone()).unwrap_or_else(|e| panic!("{key}: {e}"))
}

#[test]
fn the_json_export_validates_against_its_schema_and_a_broken_one_does_not() {
    let out = export("json");
    let schema = json(&out.path().join("dataset.schema.json"));
    let dataset = json(&out.path().join("dataset.json"));
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let errors: Vec<String> = validator
        .iter_errors(&dataset)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    let mut title_not_a_text = dataset.clone();
    title_not_a_text["proposals"][0]["title"]["fr"] = serde_json::json!(3);
    assert!(!validator.is_valid(&title_not_a_text));
    let mut unknown_status = dataset.clone();
    unknown_status["figures"][0]["status"] = serde_json::json!("Rumour");
    assert!(!validator.is_valid(&unknown_status));
    let mut without_sources = dataset.clone();
    without_sources
        .as_object_mut()
        .expect("an object")
        .remove("sources");
    assert!(!validator.is_valid(&without_sources));
    let mut extra_field = dataset;
    extra_field["actors"][0]["nickname"] = serde_json::json!("x");
    assert!(!validator.is_valid(&extra_field));
}

#[test]
fn the_json_export_reads_back_as_the_ron_files() {
    let out = export("json");
    let dataset = json(&out.path().join("dataset.json"));
    assert_eq!(
        part::<Vec<Source>>(&dataset, "sources"),
        ron_file::<Vec<Source>>("sources.ron")
    );
    assert_eq!(
        part::<Vec<Actor>>(&dataset, "actors"),
        ron_file::<Vec<Actor>>("actors.ron")
    );
    assert_eq!(
        part::<Vec<Figure>>(&dataset, "figures"),
        ron_file::<Vec<Figure>>("figures.ron")
    );
    assert_eq!(
        part::<Territories>(&dataset, "territories"),
        ron_file::<Territories>("regions.ron")
    );
    assert_eq!(
        part::<Outlines>(&dataset, "outlines"),
        ron_file::<Outlines>("outlines.ron")
    );
    assert_eq!(
        part::<Vec<RegionProvinces>>(&dataset, "provinces"),
        ron_files::<RegionProvinces>("provinces")
    );
    let mut proposals: Vec<Proposal> = ron_files("proposals");
    proposals.sort_by_key(|p| p.order);
    let exported: Vec<Proposal> = part(&dataset, "proposals");
    assert_eq!(exported, proposals);
    let first = &proposals[0];
    assert_eq!(
        dataset["proposals"][0]["title"]["fr"].as_str(),
        Some(first.title.get("fr"))
    );
    assert!(!first.title.get("fr").is_empty());
    let labels = dataset["labels"].as_object().expect("labels by language");
    assert_eq!(labels.keys().collect::<Vec<_>>(), ["ar", "en", "fr"]);
    assert_eq!(dataset["meta"]["original"], "fr");
}

#[test]
fn the_exports_are_the_same_bytes_on_every_run() {
    for (format, files) in [
        ("json", &["dataset.json", "dataset.schema.json"][..]),
        ("csv", &["figures.csv", "indicators.csv", "sources.csv"][..]),
    ] {
        let (first, second) = (export(format), export(format));
        for file in files {
            let read = |dir: &TempDir| std::fs::read(dir.path().join(file)).expect("read");
            assert_eq!(read(&first), read(&second), "{file}");
        }
        let mut written: Vec<_> = std::fs::read_dir(first.path())
            .expect("read")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        written.sort();
        assert_eq!(written, *files);
    }
}

/// The rows of a CSV file, each as (header, value) pairs.
fn csv_rows(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).expect("open CSV");
    let headers = reader.headers().expect("a header row").clone();
    reader
        .records()
        .map(|r| {
            let record = r.expect("an RFC 4180 record");
            assert_eq!(record.len(), headers.len());
            headers
                .iter()
                .map(String::from)
                .zip(record.iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn every_indicator_is_one_row_of_the_csv_with_its_value() {
    let out = export("csv");
    let rows = csv_rows(&out.path().join("indicators.csv"));
    let territories: Territories = ron_file("regions.ron");
    let mut expected: Vec<(String, &str, &Indicator)> = Vec::new();
    let country = &territories.country;
    expected.extend(
        country
            .indicators
            .iter()
            .map(|i| (country.hcp_code.clone(), "country", i)),
    );
    for region in &territories.regions {
        expected.extend(
            region
                .indicators
                .iter()
                .map(|i| (region.id.clone(), "region", i)),
        );
    }
    let provinces: Vec<RegionProvinces> = ron_files("provinces");
    for province in provinces.iter().flat_map(|f| &f.provinces) {
        expected.extend(
            province
                .indicators
                .iter()
                .map(|i| (province.id(), "province", i)),
        );
    }
    assert!(expected.len() > 1000, "{} indicators", expected.len());
    assert_eq!(rows.len(), expected.len());
    for (territory, kind, indicator) in expected {
        let area = format!("{:?}", indicator.area).to_lowercase();
        let matching: Vec<_> = (rows.iter())
            .filter(|r| {
                r["territory"] == territory
                    && r["indicator"] == indicator.kind.slug()
                    && r["area"] == area
                    && r["year"] == indicator.year.to_string()
            })
            .collect();
        assert_eq!(matching.len(), 1, "{territory} {:?} {area}", indicator.kind);
        let row = matching[0];
        assert_eq!(row["territory_kind"], kind);
        let value: f64 = row["value"].parse().expect("a number with a decimal point");
        assert_eq!(value, indicator.value, "{territory} {:?}", indicator.kind);
        assert!(!row["value"].contains([',', ' ', 'e']), "{}", row["value"]);
        assert_eq!(Some(&row["source"]), indicator.source.as_ref());
    }
}

#[test]
fn the_figures_and_sources_csv_hold_the_dataset_values() {
    let out = export("csv");
    let figures: Vec<Figure> = ron_file("figures.ron");
    let rows = csv_rows(&out.path().join("figures.csv"));
    assert_eq!(rows.len(), figures.len());
    for (row, figure) in rows.iter().zip(&figures) {
        assert_eq!(row["id"], figure.id);
        assert_eq!(row["label_fr"], figure.label.get("fr"));
        assert_eq!(row["label_ar"], figure.label.get("ar"));
        let value = &row["value"];
        match &figure.value {
            Quantity::Count(n) => assert_eq!(value.parse::<u64>().ok(), Some(*n)),
            Quantity::Percent(v) | Quantity::Kilometres(v) => {
                assert_eq!(value.parse::<f64>().ok(), Some(*v))
            }
            Quantity::Years(n) => assert_eq!(value.parse::<u32>().ok(), Some(*n)),
            Quantity::Year(y) => assert_eq!(value.parse::<i32>().ok(), Some(*y)),
            Quantity::Date(d) => assert_eq!(value, d),
        }
        assert_eq!(Some(&row["source"]), figure.source.as_ref());
    }
    let sources: Vec<Source> = ron_file("sources.ron");
    let rows = csv_rows(&out.path().join("sources.csv"));
    assert_eq!(rows.len(), sources.len());
    for (row, source) in rows.iter().zip(&sources) {
        assert_eq!(row["id"], source.id);
        assert_eq!(row["title"], source.title);
        assert_eq!(row["url"], source.url.clone().unwrap_or_default());
        assert_eq!(row["date"], source.date.clone().unwrap_or_default());
    }
}

#[test]
fn an_export_overwrites_nothing_without_force() {
    let out = export("csv");
    let path = out.path().join("sources.csv");
    std::fs::write(&path, "mine").expect("write");
    jiha()
        .args(["export", "--to", "csv"])
        .arg(out.path())
        .assert()
        .failure()
        .code(1);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "mine");
}
