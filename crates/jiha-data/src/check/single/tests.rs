//! The single-file checker against `load`: the same findings and the same dataset.

use super::*;

fn repository_files() -> Vec<DataFile> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    super::super::read_dir(&root, "data").expect("the repository's data")
}

fn coverage() -> &'static Coverage {
    static COVERAGE: std::sync::LazyLock<Coverage> =
        std::sync::LazyLock::new(|| Coverage::of(&crate::glyphs::pdf_fonts()));
    &COVERAGE
}

/// Each file of the repository, damaged the same way, gives against the base the
/// findings `load` gives for the whole dataset, and an intact file the same dataset.
#[test]
fn one_file_against_the_base_finds_what_load_finds() {
    let base = Base::new("data", repository_files(), coverage()).expect("valid");
    for i in 0..repository_files().len() {
        let mut files = repository_files();
        let file = files[i].clone();
        let intact = base.load(file.clone());
        assert!(intact.is_ok(), "{}", file.name);
        let text = String::from_utf8(file.bytes.clone()).expect("UTF-8");
        // An unknown id where the first id stands, and a text left to do.
        let damaged =
            text.replacen("id: \"", "id: \"Not A Slug ", 1)
                .replacen(": \"", ": \"TODO ", 2);
        files[i].bytes = damaged.clone().into_bytes();
        let whole = super::super::load("data", files, coverage()).expect_err("damaged");
        let one = base.check(DataFile {
            bytes: damaged.into_bytes(),
            ..file.clone()
        });
        let messages = |r: &Report| -> Vec<String> {
            let mut m: Vec<String> = r
                .diagnostics
                .iter()
                .map(|d| d.render(r.text(&d.file)))
                .collect();
            m.sort();
            m
        };
        assert!(!one.diagnostics.is_empty(), "{}", file.name);
        for message in messages(&one) {
            assert!(
                messages(&whole).contains(&message),
                "{}: {message}",
                file.name
            );
        }
    }
}

/// Every finding `load` gives for the whole dataset, and no other, for each file of the
/// repository changed in ways that reach across files: ids renamed (every one, or the
/// first), a language's text or catalogue changed, an id and a text damaged. The whole
/// dataset is refused or accepted alike, and the same dataset comes out.
#[test]
fn one_file_against_the_base_reports_exactly_what_load_reports() {
    reports_exactly_what_load_reports(repository_files(), |_| true);
}

/// The same with a book in `dataset.ron` that names a region and briefs, for the files
/// whose ids the book names: `dataset.ron`, `regions.ron` and the proposals.
#[test]
fn with_books_one_file_against_the_base_reports_exactly_what_load_reports() {
    let mut files = repository_files();
    let meta = files
        .iter_mut()
        .find(|f| f.name == "dataset.ron")
        .expect("dataset.ron");
    let text = String::from_utf8(meta.bytes.clone()).expect("UTF-8");
    let end = text.trim_end().len() - 1;
    let book = r#"    books: [Book(id: "sud", title: {"fr": "Sud", "en": "South", "ar": "الجنوب"}, chapters: [Region("souss-massa"), Briefs(["overview", "pole-agritech-agadir"])])],
"#;
    meta.bytes = format!("{}{book}{}", &text[..end], &text[end..]).into_bytes();
    let named = |name: &str| {
        name == "dataset.ron" || name == "regions.ron" || name.starts_with(PROPOSALS_DIR)
    };
    reports_exactly_what_load_reports(files, named);
}

fn reports_exactly_what_load_reports(repository: Vec<DataFile>, checked: fn(&str) -> bool) {
    let repository_files = || repository.clone();
    let base = Base::new("data", repository_files(), coverage()).expect("valid");
    type Mutation = (&'static str, fn(&str) -> String);
    let mutations: [Mutation; 5] = [
        ("every id renamed", |t| t.replace("id: \"", "id: \"x")),
        ("the first id renamed", |t| {
            t.replacen("id: \"", "id: \"x", 1)
        }),
        ("a language renamed", |t| t.replacen("\"en\"", "\"es\"", 1)),
        ("a reference dropped", |t| {
            t.replacen("\", \"", "\", \"x", 1)
        }),
        ("an id and a text damaged", |t| {
            t.replacen("id: \"", "id: \"Not A Slug ", 1)
                .replacen(": \"", ": \"TODO ", 2)
        }),
    ];
    for i in 0..repository_files().len() {
        if !checked(&repository[i].name) {
            continue;
        }
        for (what, mutate) in mutations {
            let mut files = repository_files();
            let text = String::from_utf8(files[i].bytes.clone()).expect("UTF-8");
            let changed = DataFile {
                bytes: mutate(&text).into_bytes(),
                ..files[i].clone()
            };
            files[i] = changed.clone();
            let name = format!("{} ({what})", changed.name);
            same_as_load(&base, files, changed, &name);
        }
    }
}

/// Loading `changed` against `base` gives what `load` gives for `files` (the repository
/// with `changed` in place): the same findings, and the same dataset or refusal.
fn same_as_load(base: &Base, files: Vec<DataFile>, changed: DataFile, name: &str) -> Report {
    let messages = |r: &Report| -> Vec<String> {
        let mut m: Vec<String> = (r.diagnostics.iter())
            .map(|d| d.render(r.text(&d.file)))
            .collect();
        m.sort();
        m
    };
    let whole = super::super::load("data", files, coverage());
    let one = base.load(changed);
    match (whole, one) {
        (Ok((whole, w)), Ok((one, o))) => {
            assert_eq!(messages(&w), messages(&o), "{name}");
            assert!(format!("{whole:?}") == format!("{one:?}"), "{name}");
            o
        }
        (Err(w), Err(o)) => {
            assert_eq!(messages(&w), messages(&o), "{name}");
            o
        }
        (w, o) => panic!(
            "{name}: load {:?}, against the base {:?}",
            w.is_ok(),
            o.is_ok()
        ),
    }
}

/// Each file of `repository` named `name`, changed by `change`, against the base: what
/// `load` gives for the whole, and the findings it gives.
fn changed_against_the_base(name: &str, change: impl Fn(&str) -> String) -> Report {
    let repository = repository_files();
    let base = Base::new("data", repository.clone(), coverage()).expect("valid");
    let mut files = repository;
    let i = files.iter().position(|f| f.name == name).expect(name);
    let text = String::from_utf8(files[i].bytes.clone()).expect("UTF-8");
    let changed = change(&text);
    assert_ne!(changed, text, "{name}");
    files[i].bytes = changed.into_bytes();
    let changed = files[i].clone();
    same_as_load(&base, files, changed, name)
}

/// A file of provinces is checked against the base's other files of provinces, not with
/// the whole dataset: a province or commune code another region's file has (one read
/// before it, one after), a name that makes another brief's id, and a count that no longer
/// adds up give what `load` gives, each where `load` puts it.
#[test]
fn a_file_of_provinces_against_the_base_reports_what_load_reports_across_files() {
    type Change = (&'static str, &'static str, fn(&str) -> String, &'static str);
    // Oriental's first province is `113`, its first commune `02.113.01.01`.
    let changes: [Change; 6] = [
        // The code of Casablanca-Settat's first province (a file read before) and of
        // Souss-Massa's (read after: the finding is in Souss-Massa's file).
        (
            "provinces/oriental.ron",
            "a code read before",
            |t| t.replacen("hcp_code: \"113\"", "hcp_code: \"111\"", 1),
            "province code `111` is used twice",
        ),
        (
            "provinces/oriental.ron",
            "a code read after",
            |t| t.replacen("hcp_code: \"113\"", "hcp_code: \"001\"", 1),
            "province code `001` is used twice",
        ),
        (
            "provinces/oriental.ron",
            "a region's name",
            |t| t.replacen("name_fr: \"Berkane\"", "name_fr: \"Souss-Massa\"", 1),
            "makes the brief id `souss-massa`",
        ),
        (
            "provinces/oriental.ron",
            "another region's commune code",
            |t| t.replacen("\"02.113.01.01\"", "\"06.111.01.01\"", 1),
            "commune code `06.111.01.01` is used twice",
        ),
        (
            "provinces/oriental.ron",
            "a commune's population",
            |t| t.replacen("population_2024: 16310,", "population_2024: 16311,", 1),
            "add up",
        ),
        (
            "provinces/oriental.ron",
            "a province's population",
            |t| t.replacen("value: 284061.0,", "value: 284062.0,", 1),
            "add up",
        ),
    ];
    for (name, what, change, expected) in changes {
        let report = changed_against_the_base(name, change);
        let rendered = report.render();
        assert!(rendered.contains(expected), "{name} ({what}): {rendered}");
    }
}

/// A ledger is checked against the texts of the base's files, not with the whole dataset:
/// a fingerprint that is not its original's, and one that is no fingerprint, give what `load`
/// gives, the outdated translation reported in its file.
#[test]
fn a_ledger_against_the_base_reports_what_load_reports_in_every_file() {
    let report = changed_against_the_base("translations/ar.ron", |t| {
        let at = t.find("\": \"").expect("an entry") + 4;
        let mut t = t.to_string();
        t.replace_range(at..at + 16, "0123456789abcdef");
        t
    });
    let rendered = report.render();
    assert!(rendered.contains("outdated"), "{rendered}");
    assert!(rendered.contains("actors.ron"), "{rendered}");
    let refused = changed_against_the_base("translations/ar.ron", |t| {
        t.replacen("\": \"", "\": \"xyz", 1)
    });
    assert!(
        refused.render().contains("not the fingerprint"),
        "{}",
        refused.render()
    );
}

/// A quote's translation is compared with the same words' first translation in every file:
/// checked alone, a proposal that translates them otherwise is told so, and a `dataset.ron`
/// that does makes the proposals read after it wrong, each where `load` puts it.
#[test]
fn a_quote_translated_otherwise_against_the_base_is_reported_where_load_reports_it() {
    // `dataset.ron` and `proposals/programme-spark.ron` (twice) quote these words.
    let otherwise = |t: &str| {
        let words = "\"we are going to launch a programme, Spark\"";
        t.replacen(words, "\"we will launch a programme named Spark\"", 1)
    };
    for (name, finding_in) in [
        ("proposals/programme-spark.ron", "programme-spark.ron"),
        ("dataset.ron", "programme-spark.ron"),
    ] {
        let report = changed_against_the_base(name, otherwise);
        let rendered = report.render();
        assert!(report.has_errors(), "{name}: {rendered}");
        use crate::check::{QuoteFinding::TranslatedOtherwise, finding::Finding};
        let finding = (report.diagnostics.iter())
            .find(|d| matches!(d.finding, Finding::Quote(TranslatedOtherwise { .. })))
            .unwrap_or_else(|| panic!("{name}: {rendered}"));
        assert!(finding.file.ends_with(finding_in), "{name}: {rendered}");
    }
}

/// Found by the `check` fuzz target: a source renamed in `sources.ron` leaves the files
/// that cite it dangling. Checked alone, the file let the dataset through to the
/// resolution, which refused it as "a rule of jiha's is missing"; the references of every
/// file must be checked again, as `load` does.
#[test]
fn a_file_that_renames_an_id_has_every_reference_checked_again() {
    let base = Base::new("data", repository_files(), coverage()).expect("valid");
    for (name, kind) in [
        ("sources.ron", "source"),
        ("actors.ron", "actor"),
        ("figures.ron", "figure"),
        ("regions.ron", "region"),
    ] {
        let files = repository_files();
        let file = files.iter().find(|f| f.name == name).expect("file").clone();
        let text = String::from_utf8(file.bytes.clone()).expect("UTF-8");
        // Every id renamed: whatever cites one of them now cites nothing.
        let renamed = text.replace("id: \"", "id: \"x");
        let renamed = DataFile {
            bytes: renamed.into_bytes(),
            ..file
        };
        let report = base.load(renamed.clone()).expect_err(name);
        let unresolved = report.diagnostics.iter().any(|d| {
            matches!(
                d.finding,
                super::super::Finding::Id(super::super::IdFinding::Unresolved { .. })
            )
        });
        assert!(!unresolved, "{name}: {}", report.render());
        let elsewhere = report
            .diagnostics
            .iter()
            .any(|d| d.file != renamed.display && d.message().contains(&format!("unknown {kind}")));
        assert!(elsewhere, "{name}: {}", report.render());
    }
}

/// A file that changes what the texts cite (here a census value, which makes two regions
/// tie for the highest distance to a paved road) has the other files' references
/// checked again: against the base, the same findings as `load`.
#[test]
fn a_file_that_changes_what_texts_cite_has_their_references_checked_again() {
    let base = Base::new("data", repository_files(), coverage()).expect("valid");
    let mut files = repository_files();
    let i = files
        .iter()
        .position(|f| f.name == "regions.ron")
        .expect("regions");
    let text = String::from_utf8(files[i].bytes.clone()).expect("UTF-8");
    let tied = text.replacen(
        "Indicator(kind: DistanceToPavedRoad, value: 2.0,",
        "Indicator(kind: DistanceToPavedRoad, value: 2.3,",
        1,
    );
    assert_ne!(tied, text);
    files[i].bytes = tied.into_bytes();
    let changed = files[i].clone();
    let render = |r: &Report| -> Vec<String> {
        let mut m: Vec<String> = (r.diagnostics.iter())
            .map(|d| d.render(r.text(&d.file)))
            .collect();
        m.sort();
        m
    };
    let whole = super::super::load("data", files, coverage()).expect_err("a tie");
    let one = base.load(changed).expect_err("a tie");
    assert!(
        render(&whole)
            .iter()
            .any(|m| m.contains("names no single region")),
        "{}",
        whole.render()
    );
    assert_eq!(render(&whole), render(&one));
}

#[test]
fn parse_locates_a_syntax_error_in_each_shape() {
    for file in repository_files() {
        let name = file.name.clone();
        assert!(
            parse(file.clone(), coverage()).diagnostics.is_empty(),
            "{name}"
        );
        let mut text = String::from_utf8(file.bytes.clone()).expect("UTF-8");
        let mut half = text.len() / 2;
        while !text.is_char_boundary(half) {
            half -= 1;
        }
        text.truncate(half);
        let bytes = text.into_bytes();
        let report = parse(DataFile { bytes, ..file }, coverage());
        assert!(report.has_errors(), "{name}");
        assert!(
            report.diagnostics.iter().all(|d| d.span.is_some()),
            "{name}"
        );
    }
}

/// A proposal whose texts change but which keeps its id and order is resolved alone, into
/// the base's resolved dataset: the dataset is the one `load` gives for the whole, with the
/// new texts, for every proposal of the repository.
#[test]
fn a_proposal_that_keeps_its_place_resolves_as_the_whole_dataset_does() {
    let base = Base::new("data", repository_files(), coverage()).expect("valid");
    let proposals = (repository_files().into_iter()).filter(|f| f.name.starts_with(PROPOSALS_DIR));
    let mut seen = 0;
    for file in proposals {
        let text = String::from_utf8(file.bytes.clone()).expect("UTF-8");
        let changed = text.replacen("\"fr\": \"", "\"fr\": \"Changé, ", 3);
        assert_ne!(changed, text, "{}", file.name);
        let changed = DataFile {
            bytes: changed.into_bytes(),
            ..file.clone()
        };
        let mut files = repository_files();
        files.retain(|f| f.name != file.name);
        files.push(changed.clone());
        let (whole, _) = super::super::load("data", files, coverage()).expect(&file.name);
        let Checked::One(Some(Replaced::Proposal(p, stem)), _) = base.check_one(changed.clone())
        else {
            panic!("{}: not a proposal checked alone", file.name);
        };
        assert!(base.in_place(&p.value, &stem).is_some(), "{}", file.name);
        let (one, _) = base.load(changed).expect(&file.name);
        assert_eq!(whole, one, "{}", file.name);
        assert_ne!(&one, base.dataset(), "{}", file.name);
        assert!(format!("{one:?}").contains("Changé, "), "{}", file.name);
        seen += 1;
    }
    assert!(seen > 1);
}

/// Resolving a proposal into a place that holds another proposal is refused, never a
/// dataset with two proposals of one id.
#[test]
fn a_proposal_is_never_resolved_into_another_ones_place() {
    let base = Base::new("data", repository_files(), coverage()).expect("valid");
    let (first, _) = &base.parsed.proposals[0];
    let at = (base.dataset().proposals().iter())
        .position(|p| p.id != first.value.id)
        .expect("two proposals");
    let refused = resolve::with_proposal(base.dataset(), at, &first.value);
    assert!(refused.is_err());
}
