//! Each rule of the dataset, broken on purpose: `jiha check --data` must fail with the exact
//! message, at the exact line and column, with the help where there is one.

use crate::support::{Edit, broken, check, location};

/// Breaks the dataset with `edits` and expects `message` at the first occurrence of
/// `at` in `file` (after the edits), followed by `help` if given.
fn assert_error(edits: &[Edit], message: &str, file: &str, at: &str, help: Option<&str>) {
    let dir = broken(edits);
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1, "exit code; stderr:\n{stderr}");
    let header = format!("error: {message}");
    let start = stderr
        .find(&header)
        .unwrap_or_else(|| panic!("no `{header}` in:\n{stderr}"));
    let finding = &stderr[start..];
    let finding = &finding[..finding.find("\n\n").unwrap_or(finding.len())];
    let where_ = location(dir.path(), file, at);
    assert!(
        finding.contains(&format!("--> {where_}")),
        "expected `--> {where_}` in:\n{finding}"
    );
    assert!(finding.contains('^'), "no caret in:\n{finding}");
    if let Some(help) = help {
        assert!(
            finding.contains(&format!("help: {help}")),
            "expected `help: {help}` in:\n{finding}"
        );
    }
    assert!(
        stderr.contains("error: the dataset in"),
        "no summary line in:\n{stderr}"
    );
}

const CYBER: &str = "proposals/pole-cybersecurite-oriental.ron";
const SPARK: &str = "proposals/programme-spark.ron";

#[test]
fn syntax_error_points_after_the_value_missing_its_comma() {
    assert_error(
        &[Edit {
            file: SPARK,
            find: "order: 9,",
            replace: "order: 9",
        }],
        "expected comma",
        SPARK,
        "\n    title:",
        Some("separate fields and list items with commas"),
    );
}

#[test]
fn unknown_field_suggests_the_right_one() {
    assert_error(
        &[Edit {
            file: SPARK,
            find: "short_title:",
            replace: "short_titel:",
        }],
        "unknown field `short_titel` in `Proposal`",
        SPARK,
        "short_titel",
        Some("did you mean `short_title`?"),
    );
}

#[test]
fn missing_field_is_named() {
    assert_error(
        &[Edit {
            file: "actors.ron",
            find: "        kind: Media,\n",
            replace: "",
        }],
        "missing field `kind` in `Actor`",
        "actors.ron",
        "Actor(\n        id: \"maroc-diplomatique\"",
        Some("add `kind: ...` to this entry"),
    );
}

#[test]
fn wrong_type_is_reported_where_it_is() {
    assert_error(
        &[Edit {
            file: SPARK,
            find: "order: 9,",
            replace: "order: \"neuf\",",
        }],
        "expected integer",
        SPARK,
        "\"neuf\"",
        None,
    );
}

#[test]
fn unknown_variant_suggests_the_right_one() {
    assert_error(
        &[Edit {
            file: "figures.ron",
            find: "status: SpeakerClaim,",
            replace: "status: SpeakerClam,",
        }],
        "unknown variant `SpeakerClam` of `Status`",
        "figures.ron",
        "SpeakerClam",
        Some("did you mean `SpeakerClaim`?"),
    );
}

#[test]
fn truncated_file_is_reported() {
    let dir = broken(&[]);
    let path = dir.path().join(SPARK);
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, &text[..text.len() / 2]).expect("truncate");
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1);
    assert!(stderr.contains("programme-spark.ron:"), "{stderr}");
    assert!(stderr.contains("help: "), "{stderr}");
    assert!(stderr.contains('^'), "{stderr}");
}

#[test]
fn id_must_be_a_slug() {
    assert_error(
        &[Edit {
            file: "actors.ron",
            find: "id: \"cnrst\"",
            replace: "id: \"CNRST Maroc\"",
        }],
        "actor id `CNRST Maroc` is not a slug",
        "actors.ron",
        "\"CNRST Maroc\"",
        Some("ids use lower-case letters a-z, digits and hyphens only: `cnrst-maroc`"),
    );
}

#[test]
fn proposal_id_matches_its_file_name() {
    assert_error(
        &[Edit {
            file: SPARK,
            find: "id: \"programme-spark\"",
            replace: "id: \"spark\"",
        }],
        "proposal id `spark` does not match its file name `programme-spark.ron`",
        SPARK,
        "\"spark\"",
        Some("rename the file to `spark.ron`, or set `id: \"programme-spark\"`"),
    );
}

#[test]
fn duplicate_id_names_the_first_definition() {
    let dir = broken(&[Edit {
        file: "sources.ron",
        find: "id: \"geonames\"",
        replace: "id: \"decret-2-15-40\"",
    }]);
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1);
    let first = location(dir.path(), "sources.ron", "\"decret-2-15-40\"");
    assert!(
        stderr.contains("error: duplicate source id `decret-2-15-40`"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("is first defined at {first}")),
        "{stderr}"
    );
}

#[test]
fn dangling_region_suggests_the_closest() {
    assert_error(
        &[Edit {
            file: CYBER,
            find: "Regions([\"oriental\"])",
            replace: "Regions([\"orientale\"])",
        }],
        "unknown region `orientale`",
        CYBER,
        "\"orientale\"",
        Some("did you mean `oriental`?"),
    );
}

#[test]
fn dangling_actor_is_reported() {
    assert_error(
        &[Edit {
            file: SPARK,
            find: "actor: \"startups-pme-tpe\"",
            replace: "actor: \"startups\"",
        }],
        "unknown actor `startups`",
        SPARK,
        "\"startups\"",
        Some("did you mean `startups-pme-tpe`?"),
    );
}

#[test]
fn dangling_figure_and_source_are_reported() {
    let dir = broken(&[
        Edit {
            file: SPARK,
            find: "figures: [\"spark-lancement\"]",
            replace: "figures: [\"spark-launch\"]",
        },
        Edit {
            file: SPARK,
            find: "\"lesiteinfo-spark-2022\"]",
            replace: "\"nowhere\"]",
        },
    ]);
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: unknown figure `spark-launch`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: unknown source `nowhere`"),
        "{stderr}"
    );
    // Every finding at once, in file order.
    let figure = stderr.find("unknown figure").expect("figure finding");
    let source = stderr.find("unknown source").expect("source finding");
    assert!(
        figure < source,
        "findings are sorted by position:\n{stderr}"
    );
}

#[test]
fn figure_without_source_is_an_error() {
    assert_error(
        &[Edit {
            file: "figures.ron",
            find: "        source: Some(\"discours-achour\"),\n",
            replace: "",
        }],
        "figure `huawei-anciennete` has no source",
        "figures.ron",
        "\"huawei-anciennete\"",
        Some(
            "every figure names its source: add `source: \"<source id>\"` (ids are in sources.ron)",
        ),
    );
}

#[test]
fn indicator_without_source_is_an_error() {
    assert_error(
        &[Edit {
            file: "regions.ron",
            find: "Indicator(kind: UnemploymentRate, value: 30.4, year: 2024, source: \"hcp-rgph-2024-indicateurs\")",
            replace: "Indicator(kind: UnemploymentRate, value: 30.4, year: 2024)",
        }],
        "UnemploymentRate value has no source",
        "regions.ron",
        "UnemploymentRate, value: 30.4",
        Some("every indicator value names its source: add `source: \"<source id>\"`"),
    );
}

#[test]
fn unused_source_is_a_warning_only() {
    let dir = broken(&[Edit {
        file: "figures.ron",
        find: "source: Some(\"telquel-nmd-2021\"),",
        replace: "source: Some(\"discours-achour\"),",
    }]);
    // telquel-nmd-2021 is still cited by the glossary: break that too.
    let dataset = dir.path().join("dataset.ron");
    let text = std::fs::read_to_string(&dataset).expect("read");
    std::fs::write(
        &dataset,
        text.replace(", source: Some(\"telquel-nmd-2021\")", ""),
    )
    .expect("write");
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 0, "{stderr}");
    let at = location(dir.path(), "sources.ron", "\"telquel-nmd-2021\"");
    assert!(
        stderr.contains("warning: source `telquel-nmd-2021` is cited by nothing"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("--> {at}")), "{stderr}");
}

#[test]
fn percentage_out_of_range() {
    assert_error(
        &[Edit {
            file: "regions.ron",
            find: "value: 30.4,",
            replace: "value: 130.4,",
        }],
        "value out of range: percentage 130.4 is outside 0 to 100",
        "regions.ron",
        "130.4",
        Some("check the value against the HCP table"),
    );
}

#[test]
fn count_must_be_positive() {
    assert_error(
        &[Edit {
            file: "figures.ron",
            find: "value: Count(6000),",
            replace: "value: Count(0),",
        }],
        "value out of range: a count is at least 1",
        "figures.ron",
        "Count(0)",
        None,
    );
}

#[test]
fn date_must_exist() {
    assert_error(
        &[Edit {
            file: "sources.ron",
            find: "\"2021-05-25\"",
            replace: "\"2021-02-30\"",
        }],
        "invalid date `2021-02-30`: day 30 does not exist in month 2",
        "sources.ron",
        "Some(\"2021-02-30\")",
        Some("write a year (`2024`), a month (`2024-09`) or a day (`2024-09-01`)"),
    );
}

#[test]
fn empty_text_is_an_error() {
    assert_error(
        &[Edit {
            file: SPARK,
            find: "\"fr\": \"Programme Spark\"",
            replace: "\"fr\": \"   \"",
        }],
        "empty text",
        SPARK,
        "\"   \"",
        None,
    );
}

#[test]
fn placeholder_text_is_an_error() {
    assert_error(
        &[Edit {
            file: SPARK,
            find: "\"en\": \"Spark programme\"",
            replace: "\"en\": \"Spark (TBD)\"",
        }],
        "placeholder text `tbd`",
        SPARK,
        "\"Spark (TBD)\"",
        None,
    );
}

#[test]
fn hcp_codes_are_unique() {
    assert_error(
        &[Edit {
            file: "regions.ron",
            find: "hcp_code: \"02\"",
            replace: "hcp_code: \"01\"",
        }],
        "HCP code `01` is used twice",
        "regions.ron",
        "\"01\",\n            name_fr: \"Oriental\"",
        Some("region `tanger-tetouan-al-hoceima` already has code `01`"),
    );
}

#[test]
fn exactly_twelve_regions() {
    let dir = broken(&[]);
    let path = dir.path().join("regions.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    // Drop the last region (Dakhla-Oued Ed-Dahab).
    let start = text.rfind("        Region(").expect("a region");
    let end = text[start..].find("        ),\n").expect("its end") + start + "        ),\n".len();
    std::fs::write(&path, format!("{}{}", &text[..start], &text[end..])).expect("write");
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: the dataset has 11 regions, not 12"),
        "{stderr}"
    );
    assert!(stderr.contains("missing HCP codes: 12"), "{stderr}");
    // Its outline now names an unknown region.
    assert!(
        stderr.contains("error: unknown region `dakhla-oued-ed-dahab`"),
        "{stderr}"
    );
}

#[test]
fn file_that_is_not_utf8() {
    let dir = broken(&[]);
    std::fs::write(dir.path().join(SPARK), b"Proposal(id: \"\xff\xfe\")").expect("write");
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: file is not valid UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("programme-spark.ron"), "{stderr}");
}

#[test]
fn empty_directory_lists_every_missing_file() {
    let dir = tempfile::TempDir::new().expect("tempdir");
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1);
    for name in [
        "dataset.ron",
        "sources.ron",
        "actors.ron",
        "figures.ron",
        "regions.ron",
        "outlines.ron",
    ] {
        assert!(
            stderr.contains(&format!("error: missing file `{name}`")),
            "{name}:\n{stderr}"
        );
    }
    assert!(
        stderr.contains("error: the dataset has no proposals"),
        "{stderr}"
    );
}

#[test]
fn many_errors_are_reported_at_once() {
    let dir = broken(&[
        Edit {
            file: CYBER,
            find: "Regions([\"oriental\"])",
            replace: "Regions([\"orientale\"])",
        },
        Edit {
            file: "figures.ron",
            find: "value: Percent(60.0)",
            replace: "value: Percent(160.0)",
        },
        Edit {
            file: SPARK,
            find: "short_title:",
            replace: "short_titel:",
        },
    ]);
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1);
    assert!(stderr.contains("(3 errors, 0 warnings)"), "{stderr}");
}

#[test]
fn a_text_missing_a_language_names_it() {
    assert_error(
        &[Edit {
            file: SPARK,
            find: "        \"en\": \"The Spark programme for innovative start-ups, SMEs and micro-enterprises\",\n",
            replace: "",
        }],
        "text has no `en` version",
        SPARK,
        "{\n        \"fr\": \"Le programme Spark",
        Some(
            "every text exists in each language the dataset declares (`fr`, `en`, `ar`): add \"en\": \"...\"",
        ),
    );
}

#[test]
fn a_text_in_an_undeclared_language_is_refused() {
    assert_error(
        &[Edit {
            file: SPARK,
            find: "        \"en\": \"Spark programme\",\n",
            replace: "        \"en\": \"Spark programme\",\n        \"de\": \"Spark-Programm\",\n",
        }],
        "text in `de`, a language the dataset does not declare",
        SPARK,
        "\"Spark-Programm\"",
        Some(
            "the dataset declares `fr`, `en`, `ar` in dataset.ron: add `de` to `languages` there, or remove this version",
        ),
    );
}

#[test]
fn an_unprintable_character_is_named_with_its_code_point() {
    for (text, code) in [("Spark 😀", "U+1F600"), ("Spark 中", "U+4E2D")] {
        let replace = format!("\"en\": \"{text}\"");
        let dir = broken(&[Edit {
            file: SPARK,
            find: "\"en\": \"Spark programme\"",
            replace: &replace,
        }]);
        let (code_exit, stderr) = check(dir.path());
        assert_eq!(code_exit, 1);
        let c = text.chars().last().expect("a character");
        let message = format!(
            "error: character `{c}` ({code}) cannot be printed: no font has a glyph for it"
        );
        assert!(stderr.contains(&message), "{stderr}");
        let at = location(dir.path(), SPARK, &format!("\"{text}\""));
        assert!(stderr.contains(&format!("--> {at}")), "{stderr}");
    }
}

#[test]
fn a_missing_label_catalogue_is_reported() {
    let dir = broken(&[]);
    std::fs::remove_file(dir.path().join("labels/en.ron")).expect("remove");
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: missing label catalogue for `en`"),
        "{stderr}"
    );
    assert!(stderr.contains("labels/en.ron"), "{stderr}");
}

#[test]
fn a_label_missing_from_a_catalogue_is_reported() {
    assert_error(
        &[Edit {
            file: "labels/ar.ron",
            find: "    glossary: \"مسرد المصطلحات\",\n",
            replace: "",
        }],
        "missing field `glossary` in `Labels`",
        "labels/ar.ron",
        "Labels(",
        Some("add `glossary: ...` to this entry"),
    );
}

#[test]
fn a_label_must_keep_its_placeholders() {
    assert_error(
        &[Edit {
            file: "labels/en.ron",
            find: "region_title: \"{name} region\"",
            replace: "region_title: \"{nom} region\"",
        }],
        "label `region_title` has placeholders {nom}, but the `fr` catalogue has {name}",
        "labels/en.ron",
        "\"{nom} region\"",
        Some("keep the placeholders in braces exactly as they are; jiha fills them in"),
    );
}
