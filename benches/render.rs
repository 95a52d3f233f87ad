//! In-process benchmarks (`cargo bench`): loading and checking the embedded dataset, building
//! the views, and rendering each format, for one brief and for every brief.

use std::sync::LazyLock;

use include_dir::{Dir, include_dir};
use jiha::dataset::Source;
use jiha::render::{Format, Options};
use jiha::view::{Views, Written};
use jiha_data::checked::Dataset;

fn main() {
    divan::main();
}

/// The default dataset, embedded as the binary embeds it.
const EMBEDDED: Source = Source::Embedded(&DATA);
static DATA: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/data");

static DATASET: LazyLock<Dataset> = LazyLock::new(|| {
    jiha::dataset::load(EMBEDDED)
        .expect("the embedded dataset")
        .0
});

const OPTIONS: Options = Options {
    width: 80,
    style: None,
};

/// Reading, parsing and checking every file of the embedded dataset.
#[divan::bench]
fn load_and_check() -> Dataset {
    jiha::dataset::load(EMBEDDED).expect("valid").0
}

/// Building every view of one edition: the overview, each proposal and region, the book.
#[divan::bench(args = ["fr", "ar"])]
fn build_views(lang: &str) -> usize {
    let views = Views::new(&DATASET, lang).expect("a language of the dataset");
    let written = jiha::view::Written::default();
    let links = jiha::view::Links::Files {
        depth: 0,
        written: &written,
    };
    let book = views.book(&jiha::view::Selection::Everything, "");
    let mut n = book.parts.iter().map(|p| p.briefs.len()).sum::<usize>();
    n += views.overview(links).proposals.len();
    n
}

/// One region brief, in each format.
#[divan::bench(args = [Format::Html, Format::Md, Format::Txt, Format::Typst, Format::Pdf])]
fn one_brief(format: Format) -> usize {
    let views = Views::new(&DATASET, "fr").expect("fr");
    let briefs = views.briefs();
    let oriental = briefs
        .iter()
        .find(|b| b.id == "oriental")
        .expect("the Oriental brief");
    let document = views
        .document(oriental, &Written::default())
        .expect("the Oriental brief");
    format.render(&document, OPTIONS).expect("renders").len()
}

/// Every brief of the French edition, in each text format (PDF below, fewer samples).
#[divan::bench(args = [Format::Html, Format::Md, Format::Txt, Format::Typst])]
fn every_brief(format: Format) -> usize {
    let views = Views::new(&DATASET, "fr").expect("fr");
    views
        .briefs()
        .iter()
        .map(|b| {
            let document = views
                .document(b, &Written::default())
                .expect("a brief of the dataset");
            format.render(&document, OPTIONS).expect("renders").len()
        })
        .sum()
}

/// The book as PDF: the longest single job.
#[divan::bench(sample_count = 5)]
fn book_pdf() -> usize {
    let views = Views::new(&DATASET, "fr").expect("fr");
    let briefs = views.briefs();
    let book = briefs.iter().find(|b| b.id == "book").expect("the book");
    let document = views.document(book, &Written::default()).expect("the book");
    Format::Pdf
        .render(&document, OPTIONS)
        .expect("renders")
        .len()
}
