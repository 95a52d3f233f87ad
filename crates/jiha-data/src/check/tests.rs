use super::*;

/// The dataset of the repository, read as `jiha` reads `--data`.
fn repository_files() -> Vec<DataFile> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    read_dir(&root, "data").expect("the repository's data")
}

fn coverage() -> &'static Coverage {
    static COVERAGE: std::sync::LazyLock<Coverage> =
        std::sync::LazyLock::new(|| Coverage::of(&crate::glyphs::pdf_fonts()));
    &COVERAGE
}

#[test]
fn the_repository_dataset_is_valid_and_has_no_warning() {
    let (dataset, report) = load("data", repository_files(), coverage())
        .unwrap_or_else(|report| panic!("{}", report.render()));
    assert_eq!(dataset.territories().regions.len(), REGION_COUNT);
    assert_eq!(report.diagnostics, Vec::new());
}

#[test]
fn the_repository_dataset_holds_every_province_with_its_sources() {
    use crate::checked::{Area, ProvinceKind};
    let (dataset, _) = load("data", repository_files(), coverage())
        .unwrap_or_else(|report| panic!("{}", report.render()));
    let provinces = dataset.provinces();
    let arrondissements = ProvinceKind::PrefectureOfArrondissements;
    let main = provinces
        .iter()
        .filter(|p| p.kind != arrondissements)
        .count();
    assert_eq!((main, provinces.len() - main), (75, 8));
    let communes: usize = provinces.iter().map(|p| p.communes.len()).sum();
    assert_eq!(communes, 1503);
    for region in &dataset.territories().regions {
        assert!(
            provinces.iter().any(|p| p.region == region.key),
            "{}",
            region.id
        );
    }
    let berkane = provinces
        .iter()
        .find(|p| p.name_fr == "Berkane")
        .expect("Berkane");
    assert_eq!(dataset.region(berkane.region).id, "oriental");
    let population = berkane.value(IndicatorKind::Population, Area::Total, 2024);
    let population = population.expect("Berkane's population");
    assert_eq!(population.value, 284061.0);
    assert_eq!(
        dataset.source(population.source).id,
        "hcp-rgph-2024-population"
    );
    let jobs = berkane.value(IndicatorKind::PermanentJobs, Area::Total, 2024);
    let jobs = jobs.expect("Berkane's permanent jobs");
    assert_eq!(
        dataset.source(jobs.source).id,
        "hcp-rgph-2024-etablissements"
    );
    let rural = berkane.value(IndicatorKind::UnemploymentRate, Area::Rural, 2024);
    assert_eq!(rural.map(|v| v.value), Some(31.9));
}

/// A random change to a file: cut a range, insert a character, or repeat a piece.
#[derive(Debug, Clone)]
enum Mutation {
    Cut { at: usize, len: usize },
    Insert { at: usize, c: char },
    Repeat { at: usize, len: usize },
}

fn mutation() -> impl proptest::strategy::Strategy<Value = Mutation> {
    use proptest::prelude::*;
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Cut { at, len }),
        (
            any::<usize>(),
            prop_oneof![
                Just('"'),
                Just('('),
                Just(')'),
                Just('['),
                Just(']'),
                Just('{'),
                Just('}'),
                Just(','),
                Just(':'),
                Just('\\'),
                Just('\n'),
                Just('/'),
                Just('*'),
                Just('#'),
                any::<char>()
            ]
        )
            .prop_map(|(at, c)| Mutation::Insert { at, c }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Repeat { at, len }),
    ]
}

fn mutate(text: &str, mutation: &Mutation) -> String {
    let boundary = |at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match *mutation {
        Mutation::Cut { at, len } => {
            let start = boundary(at);
            let end = boundary(start + len);
            let end = end.max(start);
            format!("{}{}", &text[..start], &text[end..])
        }
        Mutation::Insert { at, c } => {
            let at = boundary(at);
            format!("{}{c}{}", &text[..at], &text[at..])
        }
        Mutation::Repeat { at, len } => {
            let start = boundary(at);
            let end = boundary(start + len).max(start);
            format!("{}{}", &text[..end], &text[start..])
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

    /// Any damage to any file gives either a valid dataset or located findings: never a
    /// panic, never a finding pointing outside its file.
    #[test]
    fn damaged_files_give_located_findings(
        file in 0usize..64,
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let mut files = repository_files();
        let index = file % files.len();
        let text = String::from_utf8(files[index].bytes.clone()).expect("UTF-8");
        let damaged = mutations.iter().fold(text, |t, m| mutate(&t, m));
        files[index].bytes = damaged.into_bytes();
        let display = files[index].display.clone();
        match load("data", files, coverage()) {
            Ok(_) => {}
            Err(report) => {
                proptest::prop_assert!(report.has_errors());
                for d in &report.diagnostics {
                    if let (Some(span), Some(text)) = (&d.span, report.text(&d.file)) {
                        proptest::prop_assert!(span.start <= text.len(), "{d:?} in {display}");
                        proptest::prop_assert!(d.line_col(text).is_some());
                    }
                    // Rendering the excerpt must not panic either.
                    let _ = d.render(report.text(&d.file));
                }
            }
        }
    }
}
