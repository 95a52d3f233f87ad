//! The content rules that a test can check against the article the dataset is built from:
//! its sentences are not copied, and every quote of the speaker is his, word for word, short,
//! and in the paragraph it names; together the quotes stay under a third of the article.
//!
//! The article is third-party text the project does not ship: it lies beside the repository,
//! in `../shared/sources/`. Where it is missing these tests say so loudly, and fail under
//! `CI=true`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiha_data::check::quotes::{self, MAX_WORDS};

/// The article, from `../shared/sources/`; `None`, said loudly, when it is not there, and a
/// failure under `CI=true`.
fn article() -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path: PathBuf = root.join("../shared/sources/md-talks-huawei-regionalisation.fr.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(err) if std::env::var_os("CI").is_some_and(|v| v == "true") => {
            panic!(
                "{}: {err}. The content tests need the article beside the repository",
                path.display()
            )
        }
        Err(err) => {
            eprintln!(
                "\n*** SKIPPED: {}: {err}.\n*** The quotes and the copying are NOT checked; \
                 put the article there, or run with CI=true to make this a failure.\n",
                path.display()
            );
            None
        }
    }
}

/// Words of `text`, lower-cased, apostrophes and punctuation dropped.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Runs of `n` consecutive words.
fn shingles(words: &[String], n: usize) -> BTreeSet<String> {
    words.windows(n).map(|w| w.join(" ")).collect()
}

/// `text` without its quoted words (the `words: "..."` of quotes and notes), which are the
/// article's by design and checked below.
fn without_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("words: \"") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "words: \"".len()..];
        let end = after.find('"').unwrap_or(after.len());
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Why a quote is not the article's, if it is not: not in its paragraph word for word (see
/// [`quotes::normalise`]), or too long.
fn not_in_article(article: &str, words: &str, paragraph: u32) -> Option<String> {
    let paragraphs = quotes::paragraphs(article);
    let Some(text) = (paragraph as usize)
        .checked_sub(1)
        .and_then(|i| paragraphs.get(i))
    else {
        return Some(format!(
            "paragraph {paragraph}: the article has {}",
            paragraphs.len()
        ));
    };
    if quotes::words(words) > MAX_WORDS {
        return Some(format!("{} words, over {MAX_WORDS}", quotes::words(words)));
    }
    if !quotes::contains(text, words) {
        return Some(format!("not found word for word in paragraph {paragraph}"));
    }
    None
}

fn dataset() -> jiha_data::checked::Dataset {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    jiha::dataset::load(jiha::dataset::Source::Dir(&root))
        .expect("the repository's dataset")
        .0
}

#[test]
fn no_sentence_of_the_article_is_copied() {
    let Some(article) = article() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Eight words in a row is a copied phrase, not a shared name or figure.
    let copied = shingles(&words(&article), 8);
    // sources.ron is left out: it quotes the titles of the talk, of its theme and of the
    // article as they were published, which is what a reference does. Quotes are left out
    // of every file: they are his words on purpose, checked by the next test.
    let mut files = vec![
        root.join("data/dataset.ron"),
        root.join("data/figures.ron"),
        root.join("data/actors.ron"),
    ];
    for entry in std::fs::read_dir(root.join("data/proposals")).expect("proposals") {
        files.push(entry.expect("entry").path());
    }
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read data");
        let own = shingles(&words(&without_quotes(&text)), 8);
        let found: Vec<&String> = own.intersection(&copied).collect();
        assert!(
            found.is_empty(),
            "{} copies the article: {found:?}",
            file.display()
        );
    }
}

#[test]
fn every_quote_is_the_speakers_word_for_word_and_they_stay_under_a_third_of_the_article() {
    let Some(article) = article() else { return };
    let dataset = dataset();
    let quoted = dataset.quotes();
    assert!(!quoted.is_empty(), "the dataset quotes nothing");
    let mut wrong = Vec::new();
    for q in &quoted {
        if let Some(why) = not_in_article(&article, &q.words, q.paragraph) {
            wrong.push(format!("« {} » (§ {}): {why}", q.words, q.paragraph));
        }
    }
    let speech = dataset.source(dataset.meta().speech.source);
    for n in &speech.notes {
        if let Some(why) = not_in_article(&article, &n.words, n.paragraph) {
            wrong.push(format!(
                "note on « {} » (§ {}): {why}",
                n.words, n.paragraph
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "quotes that are not the article's:\n{}",
        wrong.join("\n")
    );

    let distinct: BTreeSet<String> = quoted.iter().map(|q| quotes::normalise(&q.words)).collect();
    let quoted_words: usize = distinct.iter().map(|q| quotes::words(q)).sum();
    let article_words = quotes::words(&article);
    assert!(
        quoted_words * 3 < article_words,
        "the {} distinct quotes hold {quoted_words} words, a third of the article's \
         {article_words} or more: cite it, do not reproduce it",
        distinct.len()
    );
}

#[test]
fn a_quote_changed_by_one_word_is_not_the_speakers() {
    let Some(article) = article() else { return };
    let dataset = dataset();
    let quote = dataset.quotes()[0];
    assert_eq!(
        not_in_article(&article, &quote.words, quote.paragraph),
        None
    );
    let mut changed: Vec<&str> = quote.words.split_whitespace().collect();
    let last = changed.len() - 1;
    changed[last] = "autrement";
    let changed = changed.join(" ");
    assert!(
        not_in_article(&article, &changed, quote.paragraph).is_some(),
        "« {changed} » was taken for the article's"
    );
    // Nor is it his in another paragraph, nor when it runs over the length.
    assert!(not_in_article(&article, &quote.words, quote.paragraph + 1).is_some());
    let long = format!("{} {}", quote.words, "et encore ".repeat(MAX_WORDS));
    assert!(not_in_article(&article, &long, quote.paragraph).is_some());
}
