//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::render::Format;

const EXAMPLES: &str = "\
Examples:
  jiha list                          every brief, its id first
  jiha show oriental                 read a brief in the terminal
  jiha render                        all briefs as HTML and PDF, in every language, under briefs/
  jiha render --format all           ... and Markdown, text and Typst source too
  jiha render --lang ar -f pdf       the Arabic edition as PDF only
  jiha show oriental --lang en       the English edition of a brief
  jiha render oriental overview      two briefs
  jiha render book -o -              the book on standard output
  jiha check --data my-data          check an edited dataset
  jiha export-data my-data           write the embedded dataset, to edit it
  jiha render --data my-data -o out  render the edited dataset";

/// Printable briefs on Morocco's advanced regionalisation, from a checked dataset.
///
/// jiha works offline: the dataset and the templates are inside the binary.
#[derive(Debug, Parser)]
#[command(name = "jiha", version, after_help = EXAMPLES)]
pub struct Cli {
    /// Use the dataset in DIR instead of the embedded one (checked by the same rules).
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the briefs: id, kind and title, one per line.
    List(ListArgs),
    /// Print a brief as text on standard output.
    Show(ShowArgs),
    /// Render briefs to files (default: every brief, including the book).
    Render(RenderArgs),
    /// Check the dataset and print every finding; exit 1 if any is an error.
    Check(CheckArgs),
    /// Write the dataset as editable RON files into DIR.
    ExportData(ExportArgs),
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Ids of the briefs to render (see `jiha list`); none means all.
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// Output directory; `-` writes a single brief in a single format to standard output.
    #[arg(short, long, value_name = "DIR", default_value = "briefs")]
    pub output: PathBuf,

    /// Formats to write, comma-separated: html, pdf, md, txt, typst, or all
    /// [default: html,pdf; with `-o -`: html].
    #[arg(short, long, value_name = "LIST", value_delimiter = ',')]
    pub format: Vec<FormatArg>,

    /// Line width of the text format.
    #[arg(long, value_name = "N", default_value_t = 80)]
    pub width: usize,

    /// Only briefs of these kinds, comma-separated: overview, proposal, region, book.
    #[arg(short, long, value_name = "LIST", value_delimiter = ',')]
    pub kind: Vec<KindArg>,

    /// Languages of the editions, comma-separated (for example fr,en,ar), or all
    /// [default: every language of the dataset; with `-o -`: its original language].
    #[arg(short, long, value_name = "LIST", value_delimiter = ',')]
    pub lang: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// One line per finding (`file:line:col: error: message`), without excerpts.
    #[arg(long)]
    pub short: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Language of the titles [default: the dataset's original language].
    #[arg(short, long, value_name = "LANG")]
    pub lang: Option<String>,
}

/// A value of `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Overview,
    Proposal,
    Region,
    Book,
}

impl KindArg {
    /// Whether a brief of `kind` is selected by these values (all, when there are none).
    pub fn selects(values: &[KindArg], kind: crate::view::BriefKind) -> bool {
        use crate::view::BriefKind;
        values.is_empty()
            || values.iter().any(|v| {
                matches!(
                    (v, kind),
                    (KindArg::Overview, BriefKind::Overview)
                        | (KindArg::Proposal, BriefKind::Proposal)
                        | (KindArg::Region, BriefKind::Region)
                        | (KindArg::Book, BriefKind::Book)
                )
            })
    }
}

/// A value of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
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
    /// Every format.
    All,
}

impl FormatArg {
    /// The formats a list of values asks for, each once, in a fixed order; `default` when
    /// the list is empty.
    pub fn resolve(values: &[FormatArg], default: &[Format]) -> Vec<Format> {
        let mut formats: Vec<Format> = default.to_vec();
        if !values.is_empty() {
            formats.clear();
        }
        for value in values {
            match value {
                FormatArg::Html => formats.push(Format::Html),
                FormatArg::Pdf => formats.push(Format::Pdf),
                FormatArg::Md => formats.push(Format::Md),
                FormatArg::Txt => formats.push(Format::Txt),
                FormatArg::Typst => formats.push(Format::Typst),
                FormatArg::All => formats.extend(Format::ALL),
            }
        }
        formats.sort();
        formats.dedup();
        formats
    }
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Id of the brief (see `jiha list`).
    #[arg(value_name = "ID")]
    pub id: String,

    /// Line width.
    #[arg(long, value_name = "N", default_value_t = 80)]
    pub width: usize,

    /// Language of the edition [default: the dataset's original language].
    #[arg(short, long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Directory to write the dataset into; created if missing.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Replace files that already exist.
    #[arg(long)]
    pub force: bool,
}
