//! What `render` and `pdf` share: the brief of one proposal whose texts are fuzzed.
//!
//! The input is the language's index (its first byte), then texts separated by the byte
//! 0xFF (never part of UTF-8): the first replaces the proposal's first text in that
//! language (its title), the second the next (its short title), and so on. The proposal is
//! checked against the repository's dataset as `jiha check` would: what it refuses is not
//! rendered (the user is told why instead).

use jiha::view::{Document, Views, Written};
use jiha_data::check::{DataFile, single::Base};

use crate::common;

/// The proposal whose texts are replaced, and the languages it is written in.
const PROPOSAL: &str = "proposals/programme-spark.ron";
const LANGUAGES: [&str; 3] = ["fr", "en", "ar"];

/// What every input shares, built once: the repository's dataset, parsed, checked and
/// resolved; the proposal's file; and the dataset's views in each language, whose catalogue
/// is typeset once.
struct Fixture {
    base: &'static Base<'static>,
    proposal: DataFile,
    views: Vec<Views<'static>>,
}

thread_local! {
    static FIXTURE: Fixture = {
        let files = common::repository_files();
        let proposal = files
            .iter()
            .find(|f| f.name == PROPOSAL)
            .expect("the proposal")
            .clone();
        let base = Base::new("data", files, &common::COVERAGE)
            .unwrap_or_else(|report| panic!("{}", report.render()));
        let base: &'static Base<'static> = Box::leak(Box::new(base));
        let views = LANGUAGES
            .iter()
            .map(|lang| Views::new(base.dataset(), lang).expect("a declared language"))
            .collect();
        Fixture { base, proposal, views }
    };
}

/// The proposal's text with the values of its texts in `lang` replaced, in order, by `texts`.
fn replace(ron: &str, lang: &str, texts: &[&[u8]]) -> String {
    let key = format!("\"{lang}\": ");
    let mut texts = texts.iter();
    let mut out = String::with_capacity(ron.len());
    for line in ron.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(value) = trimmed.strip_prefix(&key)
            && value.starts_with('"')
            && let Some(text) = texts.next()
        {
            let text = String::from_utf8_lossy(text);
            let literal = ron::to_string(&text).expect("a string serialises");
            let indent = &line[..line.len() - trimmed.len()];
            out.push_str(&format!("{indent}{key}{literal},\n"));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Calls `f` with the brief of the proposal whose texts `input` replaces, if `check`
/// accepts it.
pub fn with_document(input: &[u8], f: impl FnOnce(&Document)) {
    let Some((&which, rest)) = input.split_first() else {
        return;
    };
    let which = usize::from(which) % LANGUAGES.len();
    let texts: Vec<&[u8]> = rest.split(|&b| b == 0xFF).collect();
    FIXTURE.with(|fixture| {
        let original = std::str::from_utf8(&fixture.proposal.bytes).expect("UTF-8");
        let file = DataFile {
            bytes: replace(original, LANGUAGES[which], &texts).into_bytes(),
            ..fixture.proposal.clone()
        };
        // Checked against the base, and resolved alone into its resolved dataset.
        let Ok((dataset, _)) = fixture.base.load(file) else {
            return;
        };
        let views = fixture.views[which]
            .with_dataset(&dataset)
            .expect("a declared language");
        let entry = views
            .briefs()
            .into_iter()
            .find(|e| e.id == "programme-spark")
            .expect("the proposal's brief");
        let document = views
            .document(&entry, &Written::default())
            .expect("its document");
        f(&document);
    });
}
