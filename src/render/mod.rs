//! Turns a brief's view into a document, one module per output format.

pub mod html;
pub mod markdown;
pub mod text;
pub mod typst;

use crate::view::{BriefEntry, BriefKind, Links, Views};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Self-contained, printable HTML.
    Html,
    /// PDF, laid out by the embedded Typst.
    Pdf,
    /// CommonMark with GitHub tables.
    Md,
    /// Plain text, wrapped (`--width`).
    Txt,
    /// The Typst source of the PDF, to restyle with your own Typst.
    Typst,
}

impl Format {
    /// Every format, in the order files are written.
    pub const ALL: [Format; 5] = [
        Format::Html,
        Format::Pdf,
        Format::Md,
        Format::Txt,
        Format::Typst,
    ];

    /// The file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Md => "md",
            Format::Txt => "txt",
            Format::Typst => "typ",
        }
    }
}

/// Options that only some formats use.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Line width of the text format.
    pub width: usize,
}

/// Why a brief could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// A template failed (a bug of jiha's, not of the data).
    Template(askama::Error),
    /// The entry names no brief of this dataset.
    UnknownBrief(String),
    /// Typst rejected the generated source (a bug of jiha's, not of the data).
    Typst(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Template(err) => write!(f, "template error: {err}"),
            RenderError::UnknownBrief(id) => write!(f, "no brief `{id}` in this dataset"),
            RenderError::Typst(message) => {
                write!(f, "Typst could not compile the brief: {message}")
            }
        }
    }
}

impl std::error::Error for RenderError {}

/// Renders one brief in one format.
pub fn render(
    views: &Views,
    entry: &BriefEntry,
    format: Format,
    options: Options,
) -> Result<Vec<u8>, RenderError> {
    Ok(match format {
        Format::Html => html::render(views, entry)?.into_bytes(),
        Format::Md => markdown::render(views, entry)?.into_bytes(),
        Format::Txt => text::render(views, entry, options.width)?.into_bytes(),
        Format::Typst => typst::source(views, entry)?.into_bytes(),
        Format::Pdf => {
            let source = typst::source(views, entry)?;
            typst::pdf(&source, &entry.id, typst::edition_date(views.dataset()))?
        }
    })
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
