//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  jiha list                          every brief, its id first
  jiha render                        all briefs as HTML under briefs/
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
    List,
    /// Render briefs to files (default: every brief, including the book).
    Render(RenderArgs),
    /// Check the dataset and print every finding; exit 1 if any is an error.
    Check,
    /// Write the dataset as editable RON files into DIR.
    ExportData(ExportArgs),
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Ids of the briefs to render (see `jiha list`); none means all.
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// Output directory; `-` writes a single brief to standard output.
    #[arg(short, long, value_name = "DIR", default_value = "briefs")]
    pub output: PathBuf,
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
