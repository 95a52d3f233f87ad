//! Everything that can stop a command, and the exit code each one gives.

use std::fmt;
use std::path::PathBuf;

use crate::render::RenderError;
use jiha_data::check::Report;

/// Why a command failed.
#[derive(Debug)]
pub enum Error {
    /// The dataset breaks rules; the report holds every finding.
    InvalidData { dataset: String, report: Report },
    /// A file or directory could not be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `--data` names a directory that is not a dataset; perhaps one beside it is.
    NotADataset {
        dir: PathBuf,
        /// What it is instead: "does not exist", "is not a directory", "has no dataset.ron".
        why: &'static str,
        suggestion: Option<PathBuf>,
    },
    /// `render ID` named no brief.
    UnknownBrief {
        id: String,
        suggestion: Option<String>,
    },
    /// `--region` or `--briefs` name nothing a book can hold.
    Unmatched(Unmatched),
    /// `--lang` named a language the dataset does not have.
    UnknownLanguage { lang: String, known: Vec<String> },
    /// `--style DIR` holds no style, or one that cannot be used: the message says where.
    Style(String),
    /// `export-data` would overwrite files without `--force`.
    WouldOverwrite { paths: Vec<PathBuf> },
    /// A brief could not be rendered in one of its formats.
    Render {
        brief: String,
        lang: String,
        format: &'static str,
        /// The data file the brief mostly comes from, relative to the dataset.
        file: Option<String>,
        error: RenderError,
    },
    /// A file could not be written: nothing was, and the output directory is as it was.
    Unwritten { root: PathBuf, error: Box<Error> },
    /// The arguments are inconsistent in a way clap cannot see.
    Usage(String),
    /// An XLIFF file that cannot be imported: the message says where and why.
    Translations(String),
}

impl Error {
    /// 2 for a usage error, 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidData { dataset, report } => {
                report.write_to(f)?;
                write!(
                    f,
                    "error: the dataset in `{}` is invalid ({})",
                    jiha_data::diagnostic::visible(dataset),
                    report.summary()
                )
            }
            Error::Io { path, source } => write!(f, "error: {}: {source}", shown(path)),
            Error::NotADataset {
                dir,
                why,
                suggestion,
            } => {
                let dir = shown(dir);
                write!(f, "error: --data `{dir}` {why}: it is not a dataset")?;
                match suggestion {
                    Some(s) => write!(f, "\nhelp: did you mean `--data {}`?", shown(s)),
                    None => write!(
                        f,
                        "\nhelp: --data takes the directory that holds dataset.ron; `jiha export-data DIR` writes a complete dataset to start from"
                    ),
                }
            }
            Error::UnknownBrief { id, suggestion } => {
                write!(f, "error: no brief has the id `{id}`")?;
                match suggestion {
                    Some(s) => write!(f, "\nhelp: did you mean `{s}`?"),
                    None => write!(f, "\nhelp: `jiha list` shows every brief id"),
                }
            }
            Error::UnknownLanguage { lang, known } => {
                write!(f, "error: the dataset has no `{lang}` edition")?;
                write!(f, "\nhelp: its languages are {}", known.join(", "))
            }
            Error::WouldOverwrite { paths } => {
                write!(
                    f,
                    "error: {} file(s) already exist and would be overwritten:",
                    paths.len()
                )?;
                for path in paths {
                    write!(f, "\n  {}", shown(path))?;
                }
                write!(
                    f,
                    "\nhelp: choose an empty directory, or pass --force to replace them"
                )
            }
            Error::Render {
                brief,
                lang,
                format,
                file,
                error,
            } => {
                write!(f, "error: brief `{brief}` ({lang}, {format}): {error}")?;
                if let Some(file) = file {
                    write!(f, "\nnote: the brief comes mostly from `{file}`")?;
                }
                write!(f, "\nnote: nothing was written")
            }
            Error::Unwritten { root, error } => write!(
                f,
                "{error}\nnote: nothing was written; `{}` is as it was",
                shown(root)
            ),
            Error::Usage(message) => write!(f, "error: {message}"),
            Error::Style(message) | Error::Translations(message) => {
                write!(f, "error: {message}\nnote: nothing was written")
            }
            Error::Unmatched(unmatched) => unmatched.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

/// Why `--region` or `--briefs` make no book: a selection that matches nothing is an error,
/// never an empty book.
#[derive(Debug)]
pub enum Unmatched {
    /// `--region` named no region; `known` are the region ids.
    UnknownRegion {
        id: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// No proposal concerns the region: its book would hold its brief alone.
    NoProposal { region: String },
    /// The flag (`--region`, `--briefs`) names no id.
    NoId { flag: &'static str },
    /// A book named among the briefs of a book.
    Book { id: String },
}

impl fmt::Display for Unmatched {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unmatched::UnknownRegion {
                id,
                suggestion,
                known,
            } => {
                write!(f, "error: no region has the id `{id}`")?;
                match suggestion {
                    Some(s) => write!(f, "\nhelp: did you mean `{s}`?"),
                    None => write!(f, "\nhelp: the regions are {}", known.join(", ")),
                }
            }
            Unmatched::NoProposal { region } => write!(
                f,
                "error: no proposal concerns the region `{region}`: its book would hold nothing but the region's brief\nhelp: `jiha render {region}` renders that brief; `--briefs {region},...` makes a book of the briefs you name"
            ),
            Unmatched::NoId { flag } => write!(
                f,
                "error: `{flag}` names nothing: the book would be empty\nhelp: name ids separated by commas, as `jiha list` shows them: `--region souss-massa`, `--briefs overview,oriental`"
            ),
            Unmatched::Book { id } => write!(
                f,
                "error: `{id}` is a book, and a book cannot hold a book\nhelp: name the briefs it should hold: the overview, proposals or regions (`jiha list` shows their ids)"
            ),
        }
    }
}

/// A path as the terminal may show it: a control character in a file name is drawn, never
/// sent.
pub fn shown(path: &std::path::Path) -> String {
    jiha_data::diagnostic::visible(&path.display().to_string())
}
