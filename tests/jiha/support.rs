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
/// What `jiha ARGS --data DATA` prints on standard output; the run must succeed (its
/// standard error is the failure's message).
pub fn stdout_on(data: &Path, args: &[&str]) -> String {
    let output = jiha()
        .args(args)
        .arg("--data")
        .arg(data)
        .output()
        .expect("run jiha");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

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

/// An external tool the tests check output with (chromium, qpdf, pdfinfo, pdftotext). Every
/// test that reaches this is `#[ignore = "needs ..."]`, so that a plain `cargo test` passes
/// without them; CI installs them and runs `cargo test -- --include-ignored`. Run without
/// them, such a test fails with what to install.
pub fn tool(name: &str) -> std::process::Command {
    let found = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|p| p.join(name).is_file()))
        .unwrap_or(false);
    // The package that holds the tool: the hint names what is missing, nothing more.
    let package = match name {
        "pdftotext" | "pdfinfo" | "pdftoppm" => "poppler-utils",
        other => other,
    };
    assert!(
        found,
        "`{name}` is needed to check the output: apt-get install {package}"
    );
    std::process::Command::new(name)
}

/// Runs a tool on `path`, expecting success; returns its standard output.
pub fn run_tool(name: &str, args: &[&str], path: &Path) -> String {
    let output = tool(name).args(args).arg(path).output().expect("run tool");
    assert!(
        output.status.success(),
        "{name} {args:?} {} failed:\n{}{}",
        path.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of a PDF, as `pdftotext` extracts it.
pub fn pdf_text(path: &Path) -> String {
    let output = tool("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(
        output.status.success(),
        "pdftotext {} failed",
        path.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Text with every kind of space folded to one ASCII space, and the invisible direction
/// marks that text extraction adds around right-to-left runs removed.
pub fn squash(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    visible
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("prefix")
                    .to_string_lossy()
                    .into_owned();
                files.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    files
}

/// The programme-spark brief with `title` (written as RON would quote it) for its French
/// title, rendered in French in `formats` into a new directory: the run and that directory.
pub fn render_spark_titled(title: &str, formats: &str) -> (std::process::Output, TempDir) {
    let replace = format!("\"fr\": \"{title}\"");
    let dir = broken(&[Edit {
        file: "proposals/programme-spark.ron",
        find: "\"fr\": \"Spark, un programme annoncé par Huawei pour les start-ups, PME et TPE innovantes\"",
        replace: &replace,
    }]);
    let out = TempDir::new().expect("tempdir");
    let output = jiha()
        .args([
            "render",
            "programme-spark",
            "-f",
            formats,
            "-l",
            "fr",
            "--data",
        ])
        .arg(dir.path())
        .arg("-o")
        .arg(out.path())
        .output()
        .expect("run");
    (output, out)
}

/// `html` with each embedded font's data cut to `…`, for snapshots: the `@font-face` rules
/// (family, weight, characters) stay to be read and compared.
pub fn without_font_data(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(";base64,") {
        let (before, after) = rest.split_at(at + ";base64,".len());
        out.push_str(before);
        out.push('…');
        rest = &after[after.find(')').unwrap_or(after.len())..];
    }
    out.push_str(rest);
    out
}
