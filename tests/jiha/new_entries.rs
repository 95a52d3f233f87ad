//! `jiha new proposal|source|actor|figure ID`: a skeleton that fails `check` only on its
//! texts to write, and passes once they are written.

use std::collections::BTreeMap;
use std::path::Path;

use tempfile::TempDir;

use crate::support::jiha;

/// The mark of a text to write.
const TO_WRITE: &str = "…";

/// A copy of the embedded dataset, as `export-data` writes it.
fn exported() -> TempDir {
    let dir = TempDir::new().expect("temporary directory");
    jiha().arg("export-data").arg(dir.path()).assert().success();
    dir
}

/// Every file under `dir`, by its path, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(current) = dirs.pop() {
        for entry in std::fs::read_dir(&current).expect("read directory") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .display()
                    .to_string();
                found.insert(name, std::fs::read(&path).expect("read file"));
            }
        }
    }
    found
}

/// `jiha check --short` on `dir`: whether it passed, and its error lines.
fn check(dir: &Path) -> (bool, Vec<String>) {
    let output = jiha()
        .args(["check", "--short", "--data"])
        .arg(dir)
        .output()
        .expect("run jiha");
    let all = [output.stdout, output.stderr].concat();
    let errors = String::from_utf8_lossy(&all)
        .lines()
        .filter(|l| l.contains(": error: "))
        .map(String::from)
        .collect();
    (output.status.success(), errors)
}

/// Writes every text of `file` still to write, as its author would: the value and the date
/// first (they are not prose), then each text.
fn fill(file: &Path) {
    let text = std::fs::read_to_string(file).expect("read");
    let written = text
        .replace(&format!("Date(\"{TO_WRITE}\")"), "Count(3)")
        .replace(
            &format!("date: Some(\"{TO_WRITE}\")"),
            "date: Some(\"2024-05\")",
        )
        .replace(TO_WRITE, "Un texte écrit");
    std::fs::write(file, written).expect("write");
}

#[test]
fn each_skeleton_fails_only_on_its_texts_to_write_and_passes_once_written() {
    for (kind, file) in [
        ("proposal", "proposals/essai.ron"),
        ("source", "sources.ron"),
        ("actor", "actors.ron"),
        ("figure", "figures.ron"),
    ] {
        let data = exported();
        let before = files(data.path());
        let (passed, errors) = check(data.path());
        assert!(
            passed && errors.is_empty(),
            "{kind}: the export passes: {errors:?}"
        );
        jiha()
            .args(["new", kind, "essai", "--data"])
            .arg(data.path())
            .assert()
            .success();
        let after = files(data.path());
        let changed: Vec<&String> = (after.keys())
            .filter(|name| before.get(*name) != after.get(*name))
            .collect();
        assert_eq!(changed, [file], "{kind}");
        if let Some(old) = before.get(file) {
            let new = &after[file];
            let end = old.iter().rposition(|b| *b == b']').expect("a list");
            assert_eq!(new[..end - 1], old[..end - 1], "{kind}: the rest is kept");
        }

        let (passed, errors) = check(data.path());
        assert!(!passed, "{kind}");
        assert!(errors.len() >= 2, "{kind}: {errors:?}");
        for error in &errors {
            assert!(
                error.contains(&format!("{file}:")) && error.contains("error: text to write"),
                "{kind}: {error}"
            );
        }

        fill(&data.path().join(file));
        let (passed, errors) = check(data.path());
        assert!(passed, "{kind}: once written: {errors:?}");
    }
}

#[test]
fn an_existing_id_is_refused_and_nothing_changes() {
    let data = exported();
    jiha()
        .args(["new", "proposal", "essai", "--data"])
        .arg(data.path())
        .assert()
        .success();
    let before = files(data.path());
    for (kind, id, located) in [
        ("proposal", "essai", "proposals/essai.ron: already exists"),
        ("source", "discours-achour", "sources.ron:"),
        ("actor", "huawei-maroc", "actors.ron:"),
        ("figure", "talents-formes", "figures.ron:"),
    ] {
        let output = jiha()
            .args(["new", kind, id, "--data"])
            .arg(data.path())
            .output()
            .expect("run jiha");
        assert_eq!(output.status.code(), Some(1), "{kind}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains(located), "{kind}: {message}");
        if kind != "proposal" {
            let line = message
                .split(located)
                .nth(1)
                .and_then(|r| r.split(':').next());
            let line: usize = line.and_then(|l| l.parse().ok()).expect("a line number");
            let text = std::fs::read_to_string(data.path().join(located.trim_end_matches(':')))
                .expect("read");
            let at = text.lines().nth(line - 1).expect("the line");
            assert!(
                at.contains(&format!("id: \"{id}\"")),
                "{kind}: line {line}: {at}"
            );
        }
        assert!(message.contains("nothing was written"), "{kind}: {message}");
        assert_eq!(files(data.path()), before, "{kind}");
    }
}
