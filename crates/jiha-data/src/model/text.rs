//! A text a reader sees, in each language, and the JSON Schema of the whole dataset.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Dataset;

/// A text a reader sees, in every language of the dataset:
/// `{"fr": "...", "en": "...", "ar": "..."}`. The second field lists the languages written
/// more than once (the check refuses them: only the last version would be kept).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text(pub BTreeMap<String, String>, pub Vec<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct Versions;
        impl<'de> serde::de::Visitor<'de> for Versions {
            type Value = Text;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text in each language, as {\"fr\": \"...\"}")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut text = Text::default();
                while let Some((lang, version)) = map.next_entry::<String, String>()? {
                    if text.0.contains_key(&lang) && !text.1.contains(&lang) {
                        text.1.push(lang.clone());
                    }
                    text.0.insert(lang, version);
                }
                Ok(text)
            }
        }
        deserializer.deserialize_map(Versions)
    }
}

/// Written as the object it is read from, one language to its version, the languages in
/// alphabetical order (the duplicates the check refuses are not kept).
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text a reader sees: one language tag to its version.",
            "type": "object",
            "propertyNames": { "minLength": 1 },
            "additionalProperties": { "type": "string" }
        })
    }
}

/// The JSON Schema (draft 2020-12) of the serialized [`Dataset`]: the shape of the JSON
/// export, made from the types themselves.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(Dataset)
}

impl Text {
    /// The text in `lang`; empty if missing (the checks make sure it is not).
    pub fn get(&self, lang: &str) -> &str {
        self.0.get(lang).map_or("", String::as_str)
    }
}
