//! Texts that cite the data (`{value: …}`, `{compare: …}`, `{highest: …}`, `{lowest: …}`):
//! every number the context layer states comes from the data, and the prose follows the
//! data when a value changes. The rules on references are in the corpus
//! (`tests/fixtures/broken/74-*` and `96-*` to `99-*`).

use std::collections::BTreeSet;
use std::path::Path;

use jiha_data::cite::{self, Piece};

use crate::support::{Edit, broken};

fn dataset(root: &Path) -> jiha_data::checked::Dataset {
    jiha::dataset::load(jiha::dataset::Source::Dir(root))
        .expect("a valid dataset")
        .0
}

/// `text` without its references: what was typed by hand.
fn typed(text: &str) -> String {
    cite::parse(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text,
            Piece::Cite(..) | Piece::Malformed(..) => " ",
        })
        .collect()
}

/// The words before a law's or a decree's identifier, in every language of the dataset:
/// `loi organique 111-14`, `décret 2-15-40`, `Decree 2-15-40`, `القانون 01.00` (an Arabic
/// word by its stem, which prefixes join: « للقانون », « to the law »).
const LAW_WORDS: [&str; 8] = [
    "loi",
    "organique",
    "décret",
    "law",
    "decree",
    "قانون",
    "التنظيمي",
    "مرسوم",
];

/// The words before an article's number: `article 140`, `Article 83`, `الفصل 140` (of the
/// Constitution), `المادة 80` (of a law).
const ARTICLE_WORDS: [&str; 5] = ["article", "articles", "l'article", "الفصل", "المادة"];

/// The numbers `text` states by hand that are not names: each run of digits (of any
/// script), with the `-` or `.` that join digits (`2-15-40`, `111.14`), unless it is
///
/// - a law's or a decree's identifier: digits joined by `-` or `.`, right after one of
///   [`LAW_WORDS`] (`loi 01-00`, `والمرسوم 2.15.40`, an Arabic word with or without a
///   prefix);
/// - a census year used as the census's name: a year the dataset's census carries, right
///   after « recensement de » or « recensements de » (French), right before « census »
///   (English), right after « إحصاء », with or without a prefix (Arabic), or after « RGPH ».
fn stated_numbers(text: &str, census_years: &BTreeSet<String>) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_numeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_numeric()
                || (matches!(chars[i], '-' | '.')
                    && chars.get(i + 1).is_some_and(|c| c.is_numeric())))
        {
            i += 1;
        }
        let number: String = chars[start..i].iter().collect();
        let before: String = chars[..start].iter().collect();
        let after: String = chars[i..].iter().collect();
        let previous_word = before
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // An Arabic word may carry a prefix (« والمرسوم »: « and the decree »).
        let law_word = LAW_WORDS
            .iter()
            .any(|w| previous_word == *w || (!w.is_ascii() && previous_word.ends_with(w)));
        let identifier = number.contains(['-', '.']) && law_word;
        // An article's number: « l'article 140 », "Article 83", « الفصل 140 », « المادة 80 ».
        let article = !number.contains(['-', '.'])
            && ARTICLE_WORDS
                .iter()
                .any(|w| previous_word == *w || (!w.is_ascii() && previous_word.ends_with(w)));
        // A name quoted as published, such as « Maroc Digital 2030 »: the number ends the
        // quotation.
        let quoted_name = ["\u{a0}»", " »", "»", "”"]
            .iter()
            .any(|close| after.starts_with(close))
            && before.rfind(['«', '“']) > before.rfind(['»', '”']);
        let census_name = census_years.contains(&number)
            && (before.ends_with("recensement de ")
                || before.ends_with("recensements de ")
                || after.starts_with(" census")
                || previous_word.ends_with("إحصاء")
                || before.ends_with("RGPH "));
        // A plan's name, such as « PACTE ESRI 2030 »: a number right after an acronym.
        let raw_previous = before.split_whitespace().next_back().unwrap_or("");
        let plan_name = raw_previous.chars().count() >= 3
            && raw_previous.chars().all(|c| c.is_ascii_uppercase())
            && !number.contains(['-', '.']);
        if !identifier && !article && !quoted_name && !census_name && !plan_name {
            found.push(number);
        }
    }
    found
}

#[test]
fn the_rule_on_numbers_tells_names_from_figures() {
    let years: BTreeSet<String> = ["2014", "2024"].map(String::from).into();
    let stated = |text: &str| stated_numbers(text, &years);
    for name in [
        "la loi organique 111-14, le décret 2-15-40 et la loi 01-00",
        "Organic Law 111-14, Decree 2-15-40 and Law 01-00",
        "القانون التنظيمي 111.14 والمرسوم 2.15.40 وللقانون 01.00 (Decree 2-15-40)",
        "au recensement de 2014, le recensement de 2024, the 2024 census, وحسب إحصاء 2024، RGPH 2014",
        "le PACTE ESRI 2030",
        "selon l'article 140 de la Constitution, Article 83, المادة 80 والفصل 143",
        "la stratégie « Maroc Digital 2030 », “Digital Morocco 2030”, « المغرب الرقمي 2030 »",
    ] {
        assert_eq!(stated(name), Vec::<String>::new(), "{name}");
    }
    for (text, numbers) in [
        ("le décret 2-15-40 de 2015", vec!["2015"]),
        (
            "son taux de chômage (19,7 %) est inférieur",
            vec!["19", "7"],
        ),
        (
            "la population a augmenté entre 2014 et 2024",
            vec!["2014", "2024"],
        ),
        ("le recensement de 2004", vec!["2004"]),
        ("la loi 2019", vec!["2019"]),
        ("l'article 140 compte 3 alinéas", vec!["3"]),
        ("« Maroc Digital » vise 2030", vec!["2030"]),
        ("le Pacte 2030, en 2030", vec!["2030", "2030"]),
        ("في سنة ٢٠٢٤", vec!["٢٠٢٤"]),
        ("Au recensement de 2024 (HCP), 9 établissements", vec!["9"]),
    ] {
        assert_eq!(stated(text), numbers, "{text}");
    }
}

/// The context layer is sourced facts: every number it states comes from the data, through
/// a reference, so that it cannot go stale. Law and decree identifiers and the census's name
/// (« recensement de 2024 ») are names, not figures; so are, in the frame, the numbers of
/// the articles it cites and a programme's name quoted as published.
#[test]
fn every_number_stated_in_a_context_comes_from_the_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let dataset = dataset(&root);
    let census_years: BTreeSet<String> = dataset
        .territories()
        .census
        .iter()
        .map(|c| c.year.to_string())
        .collect();
    let mut typed_by_hand = Vec::new();
    let contexts = dataset.proposals().iter().map(|p| (&p.id, &p.context));
    let frame = dataset.meta().frame.iter().map(|f| (&f.id, &f.text));
    for (id, text) in contexts.chain(frame) {
        for (lang, text) in &text.0 {
            let numbers = stated_numbers(&typed(text), &census_years);
            if !numbers.is_empty() {
                typed_by_hand.push(format!("{id} ({lang}): {numbers:?}"));
            }
        }
    }
    assert!(
        typed_by_hand.is_empty(),
        "numbers typed by hand in the contexts; cite the data instead (`{{value: …}}`, docs/data-format.md):\n{}",
        typed_by_hand.join("\n")
    );
}

/// The brief of `id` in `lang`, from the dataset in `dir`, as one line of text.
fn brief(dir: &Path, id: &str, lang: &str) -> String {
    let args = ["show", id, "--width", "100000", "--lang", lang];
    crate::support::stdout_on(dir, &args)
        .replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Souss-Massa's unemployment set to 25.0 %, above the national 21.3 %: the context of the
/// Agadir brief says so in every language, with the new value, where it said « below ».
#[test]
fn the_prose_follows_a_changed_value_in_every_language() {
    let before = broken(&[]);
    let after = broken(&[Edit {
        file: "regions.ron",
        find: "Indicator(kind: UnemploymentRate, value: 19.7, year: 2024",
        replace: "Indicator(kind: UnemploymentRate, value: 25.0, year: 2024",
    }]);
    let id = "pole-agritech-agadir";
    for (lang, was, is) in [
        (
            "fr",
            "son taux de chômage (19,7 %) est en dessous du taux national (21,3 %)",
            "son taux de chômage (25,0 %) est au-dessus du taux national (21,3 %)",
        ),
        (
            "en",
            "its unemployment rate (19.7%) is below the national rate (21.3%)",
            "its unemployment rate (25.0%) is above the national rate (21.3%)",
        ),
        (
            "ar",
            "يبلغ معدل البطالة فيها \u{2066}19,7 %\u{2069}، وهو دون المعدل الوطني (\u{2066}21,3 %\u{2069})",
            "يبلغ معدل البطالة فيها \u{2066}25,0 %\u{2069}، وهو فوق المعدل الوطني (\u{2066}21,3 %\u{2069})",
        ),
    ] {
        let (before, after) = (
            brief(before.path(), id, lang),
            brief(after.path(), id, lang),
        );
        assert!(before.contains(was), "{lang}, before: {before}");
        assert!(after.contains(is), "{lang}, after: {after}");
        assert!(!after.contains(was), "{lang}: the old sentence stayed");
    }
}

/// A value level with the national one, as the briefs print them, says so.
#[test]
fn a_value_printed_as_the_national_one_is_level_with_it() {
    let dir = broken(&[Edit {
        file: "regions.ron",
        find: "Indicator(kind: UnemploymentRate, value: 19.7, year: 2024",
        replace: "Indicator(kind: UnemploymentRate, value: 21.34, year: 2024",
    }]);
    let text = brief(dir.path(), "pole-agritech-agadir", "fr");
    assert!(
        text.contains("son taux de chômage (21,3 %) est au niveau du taux national (21,3 %)"),
        "{text}"
    );
}

/// The region a text names for the highest value follows the data, and a brace written
/// twice prints once.
#[test]
fn the_region_named_for_the_highest_value_follows_the_data() {
    let dir = broken(&[
        Edit {
            file: "regions.ron",
            // Tanger-Tétouan-Al Hoceima, from the longest distance to the shortest.
            find: "Indicator(kind: DistanceToPavedRoad, value: 2.3, year: 2024",
            replace: "Indicator(kind: DistanceToPavedRoad, value: 0.9, year: 2024",
        },
        Edit {
            file: "proposals/connectivite-droit-fondamental.ron",
            find: "(tableau ci-dessous)",
            replace: "{{tableau ci-dessous}}",
        },
    ]);
    let text = brief(dir.path(), "connectivite-droit-fondamental", "fr");
    assert!(
        text.contains(
            "{tableau ci-dessous}. Cette distance est la plus longue dans la région \
             Dakhla-Oued Ed-Dahab et la plus courte dans la région Tanger-Tétouan-Al Hoceima"
        ),
        "{text}"
    );
    let arabic = brief(dir.path(), "connectivite-droit-fondamental", "ar");
    assert!(
        arabic.contains("هي الأطول في جهة الداخلة-وادي الذهب"),
        "{arabic}"
    );
}
