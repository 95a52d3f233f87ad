//! `jiha translations export|import`: the texts out as XLIFF 2.0, a translator's edit back
//! into its RON file alone, outdated translations found by `check` and marked in the export,
//! and XLIFF files that do not match the data refused with nothing written.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::support::{jiha, stdout_on, tree};

const XLIFF: &str = "urn:oasis:names:tc:xliff:document:2.0";
const SPARK: &str = "proposals/programme-spark.ron";

/// An exported copy of the embedded dataset, in `work/d`.
fn exported(work: &TempDir) -> PathBuf {
    let data = work.path().join("d");
    jiha().arg("export-data").arg(&data).assert().success();
    data
}

/// `translations export --lang LANG` of `data` into `work/NAME`; its text.
fn export_xliff(data: &Path, lang: &str, file: &Path) -> String {
    jiha()
        .args(["translations", "export", "--force", "--lang", lang])
        .arg(file)
        .arg("--data")
        .arg(data)
        .assert()
        .success();
    std::fs::read_to_string(file).expect("the XLIFF file")
}

/// The `<unit id>` of the `<file original>` in a parsed XLIFF document.
fn unit<'a, 'i>(doc: &'a roxmltree::Document<'i>, file: &str, id: &str) -> roxmltree::Node<'a, 'i> {
    let file = (doc.root_element().children())
        .find(|f| f.attribute("original") == Some(file))
        .expect("the file's element");
    (file.children())
        .find(|u| u.has_tag_name((XLIFF, "unit")) && u.attribute("id") == Some(id))
        .expect("the unit")
}

/// A child element of an XLIFF element.
fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name((XLIFF, name)))
}

/// `xml` with the text of the target of `id` in `file` replaced by `text`.
fn with_target(xml: &str, file: &str, id: &str, text: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("XML");
    let segment = child(unit(&doc, file, id), "segment").expect("segment");
    let target = child(segment, "target").expect("target");
    let range = target.first_child().expect("its text").range();
    let edited = format!("{}{text}{}", &xml[..range.start], &xml[range.end..]);
    edited.replacen(
        &format!("<unit id=\"{id}\">\n      <segment state=\"initial\">"),
        &format!("<unit id=\"{id}\">\n      <segment state=\"translated\">"),
        1,
    )
}

#[test]
fn the_export_is_xliff_2_with_every_text_and_the_same_bytes_twice() {
    let work = TempDir::new().expect("tempdir");
    let data = exported(&work);
    let xml = export_xliff(&data, "ar", &work.path().join("a.xlf"));
    let again = export_xliff(&data, "ar", &work.path().join("b.xlf"));
    assert_eq!(xml, again);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name((XLIFF, "xliff")));
    let attrs = ["version", "srcLang", "trgLang"].map(|a| root.attribute(a));
    assert_eq!(attrs, [Some("2.0"), Some("fr"), Some("ar")]);
    let mut units = 0;
    for file in root.children().filter(|n| n.is_element()) {
        assert!(file.has_tag_name((XLIFF, "file")), "{:?}", file.tag_name());
        let original = file.attribute("original").expect("original");
        assert!(data.join(original).is_file(), "{original}");
        let mut ids = std::collections::BTreeSet::new();
        for unit in file.children().filter(|n| n.is_element()) {
            let id = unit.attribute("id").expect("id");
            assert!(ids.insert(id), "{original}: `{id}` twice");
            let segment = child(unit, "segment").expect("a segment");
            let source = child(segment, "source").and_then(|s| s.text());
            assert!(
                source.is_some_and(|s| !s.trim().is_empty()),
                "{original} {id}"
            );
            // Every translation is there, and up to date: the ledgers were seeded.
            assert_eq!(segment.attribute("state"), Some("translated"), "{id}");
            assert!(child(segment, "target").is_some(), "{original} {id}");
            units += 1;
        }
    }
    assert!(units > 500, "{units} units");
    let title = unit(&doc, SPARK, "title");
    let segment = child(title, "segment").expect("segment");
    let source = child(segment, "source").and_then(|s| s.text());
    assert_eq!(
        source,
        Some("Spark, un programme annoncé par Huawei pour les start-ups, PME et TPE innovantes")
    );
    // A `{value: ...}` reference is kept as written.
    assert!(xml.contains("{value: "), "no reference in the texts");
}

#[test]
fn an_edited_target_changes_that_string_alone_and_shows_in_the_brief() {
    let work = TempDir::new().expect("tempdir");
    let data = exported(&work);
    let file = work.path().join("ar.xlf");
    let xml = export_xliff(&data, "ar", &file);
    let edited = "Spark، برنامج تطلقه هواوي للمقاولات الناشئة المبتكرة";
    std::fs::write(&file, with_target(&xml, SPARK, "title", edited)).expect("write");
    let before = tree(&data);
    jiha()
        .args(["translations", "import"])
        .arg(&file)
        .arg("--data")
        .arg(&data)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "imported 531 `ar` translation(s), 1 of them changed",
        ));
    let after = tree(&data);
    let changed: Vec<&String> = (after.keys())
        .filter(|name| before.get(*name) != after.get(*name))
        .collect();
    // The title's original is the one its translation was recorded from: the ledger stays.
    assert_eq!(changed, [SPARK]);
    let (old, new) = (
        String::from_utf8_lossy(&before[SPARK]).into_owned(),
        String::from_utf8_lossy(&after[SPARK]).into_owned(),
    );
    let differ: Vec<(&str, &str)> = (old.lines().zip(new.lines()))
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(old.lines().count(), new.lines().count());
    assert_eq!(
        differ,
        [(
            "        \"ar\": \"Spark، برنامج أعلنت عنه هواوي لفائدة المقاولات الناشئة والمقاولات الصغرى والمتوسطة والصغيرة جدا المبتكرة\",",
            &*format!("        \"ar\": \"{edited}\",")
        )]
    );
    let check = stdout_on(&data, &["check"]);
    assert!(check.contains("(0 errors, 0 warnings)"), "{check}");
    let html = stdout_on(
        &data,
        &[
            "render",
            "programme-spark",
            "-f",
            "html",
            "-l",
            "ar",
            "-o",
            "-",
        ],
    );
    // The brief isolates the Latin `Spark` from the Arabic around it: the Arabic words are
    // found whole.
    let arabic = edited.trim_start_matches("Spark، ");
    assert!(
        html.contains(&format!("<h1>\u{2066}Spark\u{2069}، {arabic}</h1>")),
        "the brief does not show the edit"
    );
    // Imported again, nothing changes.
    jiha()
        .args(["translations", "import"])
        .arg(&file)
        .arg("--data")
        .arg(&data)
        .assert()
        .success()
        .stdout(predicates::str::contains("0 of them changed"));
    assert_eq!(tree(&data), after);
}

/// The warnings of `check --short` on `data`, which must pass.
fn warnings(data: &Path) -> Vec<String> {
    let output = jiha()
        .args(["check", "--short", "--data"])
        .arg(data)
        .output()
        .expect("run");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    (stderr.lines())
        .filter(|l| l.contains("warning"))
        .map(str::to_string)
        .collect()
}

/// The line of the ledger of `ar` in `data` that records `short_title` in SPARK.
fn recorded_short_title(data: &Path) -> Option<String> {
    let ledger = std::fs::read_to_string(data.join("translations/ar.ron")).expect("ledger");
    let at = ledger
        .find(&format!("\"{SPARK}\""))
        .expect("the file's entries");
    (ledger[at..].lines())
        .find(|x| x.contains("\"short_title\""))
        .map(str::to_string)
}

#[test]
fn a_changed_original_outdates_its_translations_and_the_older_xliff_is_refused() {
    let work = TempDir::new().expect("tempdir");
    let data = exported(&work);
    let old_file = work.path().join("old.xlf");
    let old = export_xliff(&data, "ar", &old_file);
    let spark = data.join(SPARK);
    let text = std::fs::read_to_string(&spark).expect("read");
    let changed = text.replacen(
        "\"fr\": \"Programme Spark\",",
        "\"fr\": \"Le programme Spark\",",
        1,
    );
    assert_ne!(text, changed);
    std::fs::write(&spark, &changed).expect("write");
    let warned = warnings(&data);
    assert_eq!(warned.len(), 2, "{warned:?}");
    for (lang, line) in [("en", 13), ("ar", 14)] {
        let expected = format!(
            "{SPARK}:{line}:15: warning: the `{lang}` translation of `short_title` is outdated"
        );
        assert!(warned.iter().any(|w| w.contains(&expected)), "{warned:?}");
    }
    let new = export_xliff(&data, "ar", &work.path().join("new.xlf"));
    let doc = roxmltree::Document::parse(&new).expect("XML");
    let outdated = unit(&doc, SPARK, "short_title");
    let note = child(outdated, "notes")
        .and_then(|n| child(n, "note"))
        .and_then(|n| n.text());
    assert!(note.is_some_and(|n| n.starts_with("outdated")), "{note:?}");
    let segment = child(outdated, "segment").expect("segment");
    assert_eq!(segment.attribute("state"), Some("initial"));
    let title = child(unit(&doc, SPARK, "title"), "segment").expect("segment");
    assert_eq!(title.attribute("state"), Some("translated"));
    let recorded_before = recorded_short_title(&data);
    // The translator's file was made from the older original: refused, nothing written.
    std::fs::write(&old_file, with_target(&old, SPARK, "title", "عنوان")).expect("write");
    let before = tree(&data);
    let output = jiha()
        .args(["translations", "import"])
        .arg(&old_file)
        .arg("--data")
        .arg(&data)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("old.xlf:"), "{stderr}");
    assert!(stderr.contains("the original of `short_title`"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(tree(&data), before);
    // Translated again from the new original: its fingerprint is recorded, and only the
    // English translation is still outdated.
    let new_file = work.path().join("new.xlf");
    let retranslated = with_target(&new, SPARK, "short_title", "برنامج Spark الجديد");
    std::fs::write(&new_file, retranslated).expect("write");
    jiha()
        .args(["translations", "import"])
        .arg(&new_file)
        .arg("--data")
        .arg(&data)
        .assert()
        .success();
    assert!(
        recorded_before.is_some_and(
            |r| !r.contains(&jiha_data::translations::fingerprint("Le programme Spark"))
        )
    );
    let fingerprint = jiha_data::translations::fingerprint("Le programme Spark");
    let recorded = recorded_short_title(&data).expect("recorded");
    assert!(recorded.contains(&fingerprint), "{recorded}");
    let warned = warnings(&data);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(warned[0].contains("the `en` translation of `short_title`"));
}

#[test]
fn an_xliff_that_does_not_match_the_data_is_refused_with_nothing_written() {
    let work = TempDir::new().expect("tempdir");
    let data = exported(&work);
    let file = work.path().join("ar.xlf");
    let xml = export_xliff(&data, "ar", &file);
    let before = tree(&data);
    let cases = [
        (
            xml.replacen("srcLang=\"fr\"", "srcLang=\"en\"", 1),
            "translated from `en`",
        ),
        (
            xml.replacen("<unit id=\"short_title\">", "<unit id=\"long_title\">", 1),
            "has no text `long_title`",
        ),
        (
            xml.replacen("original=\"actors.ron\"", "original=\"acteurs.ron\"", 1),
            "no data file `acteurs.ron`",
        ),
        (
            xml.replacen("trgLang=\"ar\"", "trgLang=\"de\"", 1),
            "no `de` edition",
        ),
        (
            xml.replacen("</source>", "<ph id=\"1\"/></source>", 1),
            "<ph> inside <source>",
        ),
        (xml.replacen("</xliff>", "", 1), "not well-formed"),
    ];
    for (broken, message) in cases {
        std::fs::write(&file, broken).expect("write");
        let output = jiha()
            .args(["translations", "import"])
            .arg(&file)
            .arg("--data")
            .arg(&data)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(message), "{message}: {stderr}");
        assert_eq!(tree(&data), before, "{message}");
    }
    // The embedded dataset cannot be written to.
    jiha()
        .args(["translations", "import"])
        .arg(&file)
        .assert()
        .code(2);
}
