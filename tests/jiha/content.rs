//! The content rules that a test can check: the article's sentences are not copied.

use std::collections::BTreeSet;
use std::path::Path;

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

#[test]
fn no_sentence_of_the_article_is_copied() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let article = root.join("../shared/sources/md-talks-huawei-regionalisation.fr.txt");
    let Ok(article) = std::fs::read_to_string(&article) else {
        // The article is third-party text the project does not ship; CI and the
        // developers have it beside the repository.
        eprintln!("skipped: {} is not here", article.display());
        return;
    };
    // Eight words in a row is a copied phrase, not a shared name or figure.
    let copied = shingles(&words(&article), 8);
    // sources.ron is left out: it quotes the titles of the talk, of its theme and of the
    // article as they were published, which is what a reference does.
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
        let own = shingles(&words(&text), 8);
        let found: Vec<&String> = own.intersection(&copied).collect();
        assert!(
            found.is_empty(),
            "{} copies the article: {found:?}",
            file.display()
        );
    }
}
