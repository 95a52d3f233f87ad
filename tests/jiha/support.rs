//! Helpers: running the binary, and datasets broken on purpose.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The `jiha` binary under test.
pub fn jiha() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jiha"));
    cmd.env_remove("RUST_BACKTRACE");
    cmd
}

/// The repository's `data/`.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A copy of `data/` in a temporary directory.
pub fn copy_of_data() -> TempDir {
    let dir = TempDir::new().expect("temporary directory");
    copy_dir(&data_dir(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create directory");
    for entry in std::fs::read_dir(from).expect("read directory") {
        let entry = entry.expect("directory entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// One change to a file of a dataset: replace the first `find` by `replace`.
pub struct Edit<'a> {
    pub file: &'a str,
    pub find: &'a str,
    pub replace: &'a str,
}

/// A copy of `data/` with `edits` applied. Each `find` must occur, so that a fixture cannot
/// silently stop testing anything when the data changes.
pub fn broken(edits: &[Edit]) -> TempDir {
    let dir = copy_of_data();
    for edit in edits {
        let path = dir.path().join(edit.file);
        let text = std::fs::read_to_string(&path).expect("read fixture file");
        assert!(
            text.contains(edit.find),
            "fixture: `{}` does not occur in {}",
            edit.find,
            edit.file
        );
        std::fs::write(&path, text.replacen(edit.find, edit.replace, 1)).expect("write fixture");
    }
    dir
}

/// `file:line:col` of the first occurrence of `needle` in a dataset file, as diagnostics
/// show it.
pub fn location(dir: &Path, file: &str, needle: &str) -> String {
    let text = std::fs::read_to_string(dir.join(file)).expect("read file");
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in {file}"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    format!("{}/{file}:{line}:{col}", dir.display())
}

/// Runs `jiha check --data DIR`; returns the exit code and standard error.
pub fn check(dir: &Path) -> (i32, String) {
    let output = jiha()
        .args(["check", "--data"])
        .arg(dir)
        .output()
        .expect("run jiha");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
