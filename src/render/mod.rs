//! Turns a brief's view into a document, one module per output format.

pub mod html;

use crate::view::{BriefEntry, BriefKind, Links, Views};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
}

impl Format {
    /// The file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
        }
    }
}

/// Why a brief could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// A template failed (a bug of jiha's, not of the data).
    Template(askama::Error),
    /// The entry names no brief of this dataset.
    UnknownBrief(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Template(err) => write!(f, "template error: {err}"),
            RenderError::UnknownBrief(id) => write!(f, "no brief `{id}` in this dataset"),
        }
    }
}

impl std::error::Error for RenderError {}

/// Renders one brief in one format.
pub fn render(views: &Views, entry: &BriefEntry, format: Format) -> Result<String, RenderError> {
    match format {
        Format::Html => html::render(views, entry),
    }
}

/// How the brief at `entry` links to the others.
pub fn links_for(entry: &BriefEntry) -> Links {
    match entry.kind {
        BriefKind::Book => Links::Anchors,
        _ => Links::Files {
            depth: entry.stem.matches('/').count(),
        },
    }
}
