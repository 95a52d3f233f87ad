//! `jiha export --to json|csv DIR`: the checked dataset as open data. JSON holds the whole
//! dataset as its files spell it, beside the JSON Schema made from the model's types; CSV
//! holds three tidy tables: the figures, the indicators by territory, the sources.

mod tables;

use std::path::Path;

use crate::cli::{OpenDataArgs, OpenFormat};
use crate::dataset::Source;
use crate::error::Error;
use jiha_data::model::Dataset;

/// The JSON export: the whole dataset.
pub const JSON_FILE: &str = "dataset.json";

/// The JSON Schema (draft 2020-12) that [`JSON_FILE`] validates against.
pub const SCHEMA_FILE: &str = "dataset.schema.json";

pub fn run(data: Source, args: &OpenDataArgs) -> Result<(), Error> {
    let (dataset, report) = crate::dataset::load_model(data)?;
    super::warn_report(&report);
    let dir = &args.into.dir;
    let files = match args.to {
        OpenFormat::Json => json_files(&dataset, dir)?,
        OpenFormat::Csv => tables::files(&dataset, dir)?,
    };
    if !args.into.force {
        super::export::refuse_existing(dir, files.iter().map(|(name, _)| *name))?;
    }
    crate::output::write_all(
        dir,
        files.iter().map(|(name, bytes)| (*name, bytes.as_slice())),
    )
}

/// The dataset as JSON and its schema, both pretty-printed with a final newline. The
/// dataset is checked against the schema first: on a mismatch nothing is written.
fn json_files(dataset: &Dataset, dir: &Path) -> Result<Vec<(&'static str, Vec<u8>)>, Error> {
    let unwritable = |file: &str, why: String| {
        Error::io(
            dir.join(file),
            std::io::Error::new(std::io::ErrorKind::InvalidData, why),
        )
    };
    let schema = serde_json::to_value(jiha_data::model::schema())
        .map_err(|e| unwritable(SCHEMA_FILE, e.to_string()))?;
    let instance =
        serde_json::to_value(dataset).map_err(|e| unwritable(JSON_FILE, e.to_string()))?;
    let mismatches = mismatches(&schema, &instance)
        .map_err(|why| unwritable(SCHEMA_FILE, format!("not a valid JSON Schema: {why}")))?;
    if !mismatches.is_empty() {
        let why = format!(
            "does not match its schema, so nothing was written:\n  {}",
            mismatches.join("\n  ")
        );
        return Err(unwritable(JSON_FILE, why));
    }
    let pretty = |value: &serde_json::Value, file: &str| {
        let mut bytes =
            serde_json::to_vec_pretty(value).map_err(|e| unwritable(file, e.to_string()))?;
        bytes.push(b'\n');
        Ok::<_, Error>(bytes)
    };
    Ok(vec![
        (JSON_FILE, pretty(&instance, JSON_FILE)?),
        (SCHEMA_FILE, pretty(&schema, SCHEMA_FILE)?),
    ])
}

/// Where `instance` breaks `schema`, each as `/path: why` (the first ten); an error if the
/// schema itself is not valid.
pub fn mismatches(
    schema: &serde_json::Value,
    instance: &serde_json::Value,
) -> Result<Vec<String>, String> {
    let validator = jsonschema::validator_for(schema).map_err(|e| e.to_string())?;
    Ok(validator
        .iter_errors(instance)
        .take(10)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema() -> serde_json::Value {
        serde_json::to_value(jiha_data::model::schema()).expect("the schema serializes")
    }

    #[test]
    fn the_schema_is_draft_2020_12_and_refuses_a_text_that_is_not_a_string() {
        let schema = schema();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        let text = serde_json::json!({"fr": 3});
        let text_schema = serde_json::json!({
            "$schema": schema["$schema"],
            "$defs": schema["$defs"],
            "$ref": "#/$defs/Text"
        });
        let found = mismatches(&text_schema, &text).expect("a valid schema");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("/fr:"), "{found:?}");
    }

    #[test]
    fn a_dataset_missing_a_file_does_not_match() {
        let found = mismatches(&schema(), &serde_json::json!({"sources": []})).expect("valid");
        assert!(!found.is_empty());
    }
}
