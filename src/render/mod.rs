//! Turns a brief's view into a document, one module per output format, every format behind
//! one interface: [`Renderer`], which lays out a [`Document`].

pub mod html;
pub mod logo;
pub mod markdown;
pub mod style;
pub mod text;
pub mod typst;

pub use style::Style;

use crate::view::Document;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Format {
    /// Self-contained, printable HTML.
    Html,
    /// PDF, laid out by the embedded Typst.
    Pdf,
    /// Markdown (CommonMark with GitHub tables).
    Md,
    /// Plain text, wrapped to --width.
    Txt,
    /// The Typst source of the PDF.
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

    /// The word `--format` takes for it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Typst => "typst",
            other => other.extension(),
        }
    }

    /// Lays `document` out in this format.
    pub fn render(self, document: &Document, options: Options) -> Result<Vec<u8>, RenderError> {
        match self {
            Format::Html => html::Html {
                style: style(options),
            }
            .render(document),
            Format::Pdf => typst::Pdf {
                style: style(options),
            }
            .render(document),
            Format::Md => markdown::Markdown.render(document),
            Format::Txt => text::Text {
                width: options.width,
            }
            .render(document),
            Format::Typst => typst::TypstSource {
                style: style(options),
            }
            .render(document),
        }
    }
}

/// The user's style, or nothing added to the built-in one.
fn style(options: Options) -> &'static Style {
    options.style.unwrap_or(&style::BUILT_IN)
}

/// What every format does: lay one brief, in one language, out as the bytes of a file.
pub trait Renderer {
    fn render(&self, document: &Document) -> Result<Vec<u8>, RenderError>;
}

/// Options that only some formats use.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Line width of the text format.
    pub width: usize,
    /// The user's style (`--style DIR`), added after the built-in one in HTML and Typst.
    pub style: Option<&'static Style>,
}

/// Why a brief could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// A template failed (a bug of jiha's, not of the data).
    Template(askama::Error),
    /// Typst rejected the generated source (a bug of jiha's, not of the data).
    Typst(String),
    /// A format library panicked (a bug of jiha's or of that library).
    Panic(String),
    /// An embedded font could not be cut down for the HTML (a bug of jiha's or a bad font).
    Font(String),
}

impl From<askama::Error> for RenderError {
    fn from(err: askama::Error) -> RenderError {
        RenderError::Template(err)
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Template(err) => write!(f, "template error: {err}"),
            RenderError::Typst(message) => {
                write!(f, "Typst could not compile the brief: {message}")
            }
            RenderError::Panic(message) => write!(f, "the renderer failed: {message}"),
            RenderError::Font(message) => write!(f, "could not embed a font: {message}"),
        }
    }
}

impl std::error::Error for RenderError {}
