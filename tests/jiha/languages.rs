//! A dataset in fewer languages: texts in languages it does not declare are ignored with a
//! warning a file, and `export-data --lang` writes a copy in the languages kept.

use std::collections::BTreeSet;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{jiha, tree};

#[test]
fn texts_in_undeclared_languages_are_ignored_with_one_warning_a_file() {
    let work = TempDir::new().expect("tempdir");
    let data = work.path().join("d");
    jiha().arg("export-data").arg(&data).assert().success();
    let dataset = data.join("dataset.ron");
    let text = std::fs::read_to_string(&dataset).expect("dataset.ron");
    let narrowed = text.replace(r#"languages: ["fr", "en", "ar"]"#, r#"languages: ["fr"]"#);
    assert_ne!(text, narrowed);
    std::fs::write(&dataset, narrowed).expect("write");
    let output = jiha()
        .args(["check", "--short", "--data"])
        .arg(&data)
        .output()
        .expect("run");
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    let files: BTreeSet<&str> = warnings
        .iter()
        .filter_map(|l| l.split(':').next())
        .collect();
    assert_eq!(
        files.len(),
        warnings.len(),
        "more than one warning a file:\n{stderr}"
    );
    // Every file with texts, and the two catalogues of the languages left out.
    assert!(warnings.len() >= 18, "{stderr}");
    assert!(stderr.contains("labels/en.ron: warning: label catalogue for `en`"));
    assert!(!stderr.contains(": error: "), "{stderr}");
}

#[test]
fn export_data_keeps_the_languages_asked_for() {
    let work = TempDir::new().expect("tempdir");
    let data = work.path().join("fr-only");
    jiha()
        .args(["export-data", "--lang", "fr"])
        .arg(&data)
        .assert()
        .success();
    let files = tree(&data);
    assert!(files.contains_key("labels/fr.ron"));
    assert!(!files.contains_key("labels/en.ron") && !files.contains_key("labels/ar.ron"));
    for (name, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("\"en\": \""),
            "{name} keeps English versions"
        );
        assert!(!text.contains("\"ar\": \""), "{name} keeps Arabic versions");
    }
    assert!(String::from_utf8_lossy(&files["dataset.ron"]).contains(r#"languages: ["fr"]"#));
    jiha()
        .args(["check", "--data"])
        .arg(&data)
        .assert()
        .success()
        .stdout(predicate::str::contains("(0 errors, 0 warnings)"))
        .stderr("");
    // The French edition is the same, to the byte.
    let (full, narrow) = (work.path().join("full"), work.path().join("narrow"));
    jiha()
        .args(["render", "-f", "html,md", "-l", "fr", "-o"])
        .arg(&full)
        .assert()
        .success();
    jiha()
        .args(["render", "-f", "html,md", "--data"])
        .arg(&data)
        .arg("-o")
        .arg(&narrow)
        .assert()
        .success();
    assert_eq!(tree(&full), tree(&narrow));
    // The original is always kept, and only declared languages can be.
    jiha()
        .args(["export-data", "--lang", "ar"])
        .arg(work.path().join("x"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--lang must keep `fr`"));
    jiha()
        .args(["export-data", "--lang", "fr,de"])
        .arg(work.path().join("y"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no `de` edition"));
}
