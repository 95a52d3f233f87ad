//! The frame around each proposal: every statement of it is printed in the brief's sourced
//! context, before our analysis, with the numbers of its own sources in the brief's list.

use std::path::Path;

use crate::support::stdout_on;

/// `text` without the direction marks and isolates the Arabic edition sets around numbers.
fn bidi_free(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// The source numbers (`[3] [4]`) that end a line, in order.
fn trailing_numbers(line: &str) -> Vec<usize> {
    let mut numbers = Vec::new();
    let mut rest = line.trim_end();
    while let Some(inner) = rest.strip_suffix(']') {
        let Some(open) = inner.rfind('[') else { break };
        let Ok(n) = inner[open + 1..].parse() else {
            break;
        };
        numbers.push(n);
        rest = inner[..open].trim_end_matches([' ', '\u{a0}']);
    }
    numbers.reverse();
    numbers
}

#[test]
fn trailing_numbers_reads_the_sources_that_end_a_line() {
    assert_eq!(
        trailing_numbers("  - Cadre : texte. [5]\u{a0}[12]"),
        vec![5, 12]
    );
    assert_eq!(trailing_numbers("  - texte [sic]. [3]"), vec![3]);
    assert_eq!(trailing_numbers("  - texte."), Vec::<usize>::new());
}

#[test]
fn every_statement_of_a_frame_is_printed_with_its_own_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let (dataset, _) = jiha::dataset::load(jiha::dataset::Source::Dir(&root)).expect("valid");
    let mut statements = 0;
    for p in dataset.proposals() {
        for lang in &dataset.meta().languages {
            let labels = &dataset.catalogue(lang).expect("a catalogue").labels;
            let args = ["show", p.id.as_str(), "--width", "100000", "--lang", lang];
            let brief = bidi_free(&stdout_on(&root, &args));
            let lines: Vec<&str> = brief.lines().collect();
            let at = |label: &str| lines.iter().position(|l| l.starts_with(label));
            let (Some(frame), Some(analysis)) = (at(&labels.frame), at(&labels.analysis)) else {
                panic!("{} ({lang}): no frame, or no analysis", p.id);
            };
            assert!(
                frame < analysis,
                "{} ({lang}): the frame follows our analysis",
                p.id
            );
            let bullets: Vec<&str> = lines[frame..analysis]
                .iter()
                .filter(|l| l.starts_with("  - "))
                .copied()
                .collect();
            assert_eq!(bullets.len(), p.frame.len(), "{} ({lang})", p.id);
            for (bullet, &item) in bullets.iter().zip(&p.frame) {
                let item = dataset.frame_item(item);
                let numbers = trailing_numbers(bullet);
                assert_eq!(
                    numbers.len(),
                    item.sources.len(),
                    "{} ({lang}): {bullet}",
                    p.id
                );
                for (n, &source) in numbers.iter().zip(&item.sources) {
                    let url = dataset
                        .source(source)
                        .url
                        .as_deref()
                        .expect("a web address");
                    let listed = lines.iter().find(|l| l.starts_with(&format!("[{n}] ")));
                    assert!(
                        listed.is_some_and(|l| l.contains(url)),
                        "{} ({lang}): [{n}] after « {} » is not {url}",
                        p.id,
                        item.id
                    );
                }
                statements += 1;
            }
        }
    }
    assert!(statements >= 3 * 13, "only {statements} statements printed");
}
