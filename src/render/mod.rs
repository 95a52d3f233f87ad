//! Turns a brief's view into a document, one module per output format.

pub mod html;
pub mod markdown;
pub mod text;
pub mod typst;

use crate::view::{BriefEntry, Views};

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
    let brief = views
        .brief(entry)
        .ok_or_else(|| RenderError::UnknownBrief(entry.id.clone()))?;
    let page = views.page(&entry.title);
    let template = RenderError::Template;
    Ok(match format {
        Format::Html => html::render(&page, &brief).map_err(template)?.into_bytes(),
        Format::Md => markdown::render(&page, &brief)
            .map_err(template)?
            .into_bytes(),
        Format::Txt => text::render(&page, &brief, options.width).into_bytes(),
        Format::Typst => typst::source(views, entry, &page, &brief)?.into_bytes(),
        Format::Pdf => {
            let source = typst::source(views, entry, &page, &brief)?;
            typst::pdf(&source, &entry.id, typst::edition_date(views.dataset()))?
        }
    })
}
