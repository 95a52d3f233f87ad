//! The frame around the proposals and the glossary: sourced statements and terms that the
//! briefs print beside the speaker's words.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Text;

/// A statement of the frame around the proposals: what a law or a national programme
/// provides, with its sources. Layer 2: sourced facts, no judgement.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameItem {
    /// Slug, unique among frame items; what a proposal's `frame` names.
    pub id: String,
    /// A short heading: the law, the instrument or the programme.
    pub heading: Text,
    /// What it provides, in our words.
    pub text: Text,
    /// Ids of the sources of the statement; at least one.
    pub sources: Vec<String>,
}

/// A glossary entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The term as it appears in the briefs.
    pub term: Text,
    /// Its meaning, in one or two sentences.
    pub definition: Text,
    /// Id of the source of the facts in the definition, if any.
    #[serde(default)]
    pub source: Option<String>,
}
