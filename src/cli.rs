//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::render::Format;
use crate::view::BriefKind;

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
  jiha render book --region oriental the book of one region (`jiha render --help`)
  jiha check --data my-data          check an edited dataset
  jiha export-data my-data           write the embedded dataset, to edit it
  jiha render --data my-data -o out  render the edited dataset";

const RENDER_EXAMPLES: &str = "\
Examples:
  jiha render                        every brief, HTML and PDF, in every language, under briefs/
  jiha render book -f pdf            the whole book, as PDF
  jiha render oriental overview      two briefs
  jiha render oriental -o -          one brief on standard output
  jiha render book --region souss-massa
                                     the book of a region, as briefs/<lang>/book.*: its brief,
                                     the proposals that name it, those for the whole country or
                                     every region, their sources, the glossary
  jiha render book --briefs overview,pole-agritech-agadir,souss-massa -o out
                                     a book of these briefs, in this order, into out/
  jiha render book --region souss-massa --briefs overview
                                     the region's chapter, then the overview
  jiha show book --region oriental   read the book of a region in the terminal";

/// Printable briefs on Morocco's advanced regionalisation, from a checked dataset.
///
/// jiha works offline: the dataset and the templates are inside the binary.
#[derive(Debug, Parser)]
#[command(
    name = "jiha",
    version,
    after_help = EXAMPLES,
    disable_help_subcommand = true
)]
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
    #[command(after_help = RENDER_EXAMPLES)]
    Render(RenderArgs),
    /// Check the dataset and print every finding; exit 1 if any is an error.
    Check(CheckArgs),
    /// Write the dataset as editable RON files into DIR.
    ExportData(ExportDataArgs),
    /// Write the checked dataset as open data into DIR: JSON with its JSON Schema, or CSV
    /// tables of the figures, the indicators and the sources.
    Export(OpenDataArgs),
    /// Add a skeleton proposal, source, actor or figure to the dataset (`--data`, default
    /// `data`): every required field, each text in every declared language, to write.
    New(NewArgs),
    /// Write the built-in stylesheet and Typst preamble into DIR, to edit and pass to
    /// `render --style DIR`.
    ExportStyle(ExportArgs),
    /// Print the help of a command, or the fields of the dataset (`jiha help data-format`).
    Help(HelpArgs),
    /// Print a shell's completion script (the README says where to put it).
    Completions(CompletionsArgs),
    /// Print the manual page, in roff (the README says where to put it).
    Man,
    /// Check and render again on every save of the dataset (`--data`, default `data`);
    /// with --serve, show the briefs in a browser that reloads by itself.
    #[command(after_help = "\
Examples:
  jiha watch --data my-data          HTML in every language under briefs/, on every save
  jiha watch --data my-data --serve  ... and served on http://127.0.0.1:8000/, reloading
  jiha watch -l fr -k proposal -f html,pdf
                                     the French proposals, as HTML and PDF")]
    Watch(WatchArgs),
    /// Hand the texts to translators as XLIFF 2.0, and take their translations back.
    #[command(subcommand)]
    Translations(TranslationsCommand),
}

#[derive(Debug, Subcommand)]
pub enum TranslationsCommand {
    /// Write every text, its original and its translation into LANG, as XLIFF 2.0; missing
    /// and outdated translations are marked `state="initial"`.
    Export(TranslationsExportArgs),
    /// Write the translations of an XLIFF 2.0 file into the dataset of `--data DIR`,
    /// changing nothing else in its files, and record the originals they were made from.
    Import(TranslationsImportArgs),
}

#[derive(Debug, Args)]
pub struct TranslationsExportArgs {
    /// The language of the translations (`en`, `ar`): one the dataset declares, not the
    /// original.
    #[arg(short, long, value_name = "LANG")]
    pub lang: String,

    /// The XLIFF file to write; `-` for standard output.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct TranslationsImportArgs {
    /// The XLIFF 2.0 file, as `translations export` wrote it and a translator filled it.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct HelpArgs {
    /// A command (`render`), or `data-format` for the reference of the dataset's files.
    #[arg(value_name = "TOPIC")]
    pub topic: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
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
    #[arg(short, long, value_name = "LIST", value_delimiter = ',', value_parser = FormatList)]
    pub format: Vec<Vec<Format>>,

    /// Line width of the text format.
    #[arg(long, value_name = "N", default_value_t = 80)]
    pub width: usize,

    /// Only briefs of these kinds, comma-separated: overview, proposal, region, province,
    /// book. Without it (and without ids), every brief but the provinces': `--kind province`
    /// renders those 75.
    #[arg(short, long, value_name = "LIST", value_delimiter = ',')]
    pub kind: Vec<BriefKind>,

    /// Languages of the editions, comma-separated (for example fr,en,ar), or all
    /// [default: every language of the dataset; with `-o -`: its original language].
    #[arg(short, long, value_name = "LIST", value_delimiter = ',')]
    pub lang: Vec<String>,

    /// Add the stylesheet `DIR/style.css` and the Typst preamble `DIR/preamble.typ` after
    /// the built-in ones (`jiha export-style DIR` writes them to start from), and draw
    /// `DIR/logo.svg` on the book's cover (an SVG with a `<title>`, loading and running
    /// nothing). Any of the three may be left out.
    #[arg(long, value_name = "DIR")]
    pub style: Option<PathBuf>,

    #[command(flatten)]
    pub book: BookArgs,
}

/// What the book holds, when it is made to measure: written as `book`, alone.
#[derive(Debug, Args)]
#[command(next_help_heading = "Book made to measure (the book alone, written as `book`)")]
pub struct BookArgs {
    /// The book of these regions, comma-separated: each region's brief, then the proposals
    /// that name it, then those for the whole country or every region.
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub region: Vec<String>,

    /// The book of these briefs, comma-separated, in this order: the overview, proposals,
    /// regions (after the regions' chapters, with --region).
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub briefs: Vec<String>,
}

impl BookArgs {
    /// Whether the book is made to measure.
    pub fn given(&self) -> bool {
        !self.region.is_empty() || !self.briefs.is_empty()
    }
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Output directory.
    #[arg(short, long, value_name = "DIR", default_value = "briefs")]
    pub output: PathBuf,

    /// Formats to write, comma-separated: html, pdf, md, txt, typst, or all [default: html].
    #[arg(short, long, value_name = "LIST", value_delimiter = ',', value_parser = FormatList)]
    pub format: Vec<Vec<Format>>,

    /// Line width of the text format.
    #[arg(long, value_name = "N", default_value_t = 80)]
    pub width: usize,

    /// Only briefs of these kinds, comma-separated, as for `render` [default: every kind but
    /// province].
    #[arg(short, long, value_name = "LIST", value_delimiter = ',')]
    pub kind: Vec<BriefKind>,

    /// Languages of the editions, comma-separated, or all [default: every language of the
    /// dataset].
    #[arg(short, long, value_name = "LIST", value_delimiter = ',')]
    pub lang: Vec<String>,

    /// Serve the output directory on 127.0.0.1 (and nowhere else): its pages reload by
    /// themselves on every change and show the errors of a broken save.
    #[arg(long)]
    pub serve: bool,

    /// The port to serve on; 0 takes any free one (the URL is printed).
    #[arg(long, value_name = "N", default_value_t = 8000, requires = "serve")]
    pub port: u16,
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

    /// Only briefs of these kinds, comma-separated: overview, proposal, region, province,
    /// book.
    #[arg(short, long, value_name = "LIST", value_delimiter = ',')]
    pub kind: Vec<BriefKind>,
}

/// Parses one value of `--format`: a format, or `all` for every one. Clap lists the
/// possible values from [`Format`] itself.
#[derive(Debug, Clone, Copy)]
pub struct FormatList;

impl TypedValueParser for FormatList {
    type Value = Vec<Format>;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Vec<Format>, clap::Error> {
        if value == "all" {
            return Ok(Format::ALL.to_vec());
        }
        EnumValueParser::<Format>::new()
            .parse_ref(cmd, arg, value)
            .map(|format| vec![format])
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let formats = Format::value_variants()
            .iter()
            .filter_map(ValueEnum::to_possible_value);
        let all = PossibleValue::new("all").help("Every format");
        Some(Box::new(formats.chain([all])))
    }
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Id of the brief (see `jiha list`); `book`, or none, with --region or --briefs.
    #[arg(value_name = "ID", required_unless_present_any = ["region", "briefs"])]
    pub id: Option<String>,

    /// Line width.
    #[arg(long, value_name = "N", default_value_t = 80)]
    pub width: usize,

    /// Language of the edition [default: the dataset's original language].
    #[arg(short, long, value_name = "LANG")]
    pub lang: Option<String>,

    #[command(flatten)]
    pub book: BookArgs,
}

#[derive(Debug, Args)]
pub struct ExportDataArgs {
    #[command(flatten)]
    pub to: ExportArgs,

    /// Keep only these languages, comma-separated, the original among them: the copy
    /// declares them, and its texts and label catalogues are in them alone.
    #[arg(short, long, value_name = "LIST", value_delimiter = ',')]
    pub lang: Vec<String>,
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

#[derive(Debug, Args)]
pub struct OpenDataArgs {
    /// The format: `json` (the whole dataset, and its JSON Schema) or `csv` (the figures,
    /// the indicators by territory and the sources, one table each).
    #[arg(long, value_name = "FORMAT")]
    pub to: OpenFormat,

    #[command(flatten)]
    pub into: ExportArgs,
}

/// The formats of `jiha export --to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OpenFormat {
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to add: a new file `proposals/ID.ron`, or an entry at the end of
    /// `sources.ron`, `actors.ron` or `figures.ron`.
    #[arg(value_name = "KIND")]
    pub kind: NewKind,

    /// Its id: a lower-case slug, unique among its kind.
    #[arg(value_name = "ID")]
    pub id: String,
}

/// What `jiha new` adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    Proposal,
    Source,
    Actor,
    Figure,
}
