//! The corpus of broken datasets under `tests/fixtures/broken/`: each case is a copy of
//! `data/` with a few changes, the exact findings `jiha check --short` must print (file,
//! line, column, message) and, for most, the exact long report of `jiha check` (the excerpt,
//! the caret under the right columns with its label, the `help:` line, the summary). None may
//! panic. This is the one home of the tests of broken datasets.
//!
//! A case file holds directives, each followed by its lines:
//!
//! - `replace FILE`, the text to find (it must occur), `with`, the text to put instead;
//! - `write FILE`, the new content of the file (created if missing);
//! - `delete FILE`;
//! - `truncate FILE N`: keep the first N bytes;
//! - `bytes FILE HEX`: replace the file with these bytes;
//! - `repeat FILE N`, a line appended N times (a huge file);
//! - `empty`: start from an empty directory instead of `data/`;
//! - `exit N`: the exit code `jiha check` must end with (1 when not given; 0 for a dataset
//!   with warnings only);
//! - `expect`, then the findings, one per line, paths relative to the dataset;
//! - `expect-full` (optional, always last): everything up to the end of the case file is the
//!   exact standard error of `jiha check` (long form), with the dataset's directory written
//!   `$DATA`. Trailing blank lines do not count; every other line, space and caret does.
//!
//! Lines starting with `# ` are comments, except inside the `expect-full` block.
//!
//! `JIHA_BLESS=1 cargo test corpus` rewrites the `expect` and `expect-full` blocks with what
//! jiha prints: review the diff before committing it.

use std::path::Path;

use crate::support::{copy_of_data, jiha};

/// One directive of a case.
enum Step {
    Replace {
        file: String,
        find: String,
        with: String,
    },
    Write {
        file: String,
        content: String,
    },
    Delete {
        file: String,
    },
    Truncate {
        file: String,
        bytes: usize,
    },
    Bytes {
        file: String,
        bytes: Vec<u8>,
    },
    Repeat {
        file: String,
        line: String,
        times: usize,
    },
    Empty,
}

struct Case {
    steps: Vec<Step>,
    exit: i32,
    expect: Vec<String>,
    /// The long report, if the case pins it.
    expect_full: Option<String>,
}

/// Where the `expect-full` block starts: the rest of the case file is that block.
const FULL: &str = "\nexpect-full\n";

/// The words that start a directive; anything else belongs to the block above it.
const DIRECTIVES: [&str; 11] = [
    "replace",
    "with",
    "write",
    "delete",
    "truncate",
    "bytes",
    "repeat",
    "empty",
    "exit",
    "expect",
    "expect-full",
];

/// The bytes a string of hexadecimal digits spells (`fffe`).
fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|k| u8::from_str_radix(&hex[k..k + 2], 16).expect("hex"))
        .collect()
}

fn parse(text: &str) -> Case {
    let (text, expect_full) = match text.split_once(FULL) {
        Some((head, full)) => (head, Some(full.trim_end().to_string())),
        None => (text, None),
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("# ")).collect();
    let mut steps = Vec::new();
    let mut exit = 1;
    let mut expect = Vec::new();
    let mut i = 0;
    // The lines up to the next directive.
    let block = |i: &mut usize| -> String {
        let start = *i;
        while *i < lines.len() && !DIRECTIVES.contains(&lines[*i].split(' ').next().unwrap_or("")) {
            *i += 1;
        }
        lines[start..*i].join("\n")
    };
    while i < lines.len() {
        let words: Vec<&str> = lines[i].split(' ').collect();
        i += 1;
        match words.as_slice() {
            ["replace", file] => {
                let find = block(&mut i);
                assert_eq!(lines.get(i), Some(&"with"), "`replace` needs a `with`");
                i += 1;
                let with = block(&mut i);
                steps.push(Step::Replace {
                    file: file.to_string(),
                    find,
                    with,
                });
            }
            ["write", file] => {
                let content = block(&mut i);
                steps.push(Step::Write {
                    file: file.to_string(),
                    content,
                });
            }
            ["delete", file] => steps.push(Step::Delete {
                file: file.to_string(),
            }),
            ["truncate", file, n] => steps.push(Step::Truncate {
                file: file.to_string(),
                bytes: n.parse().expect("a byte count"),
            }),
            ["bytes", file, hex] => steps.push(Step::Bytes {
                file: file.to_string(),
                bytes: hex_bytes(hex),
            }),
            ["repeat", file, n] => {
                let line = block(&mut i);
                steps.push(Step::Repeat {
                    file: file.to_string(),
                    line,
                    times: n.parse().expect("a count"),
                });
            }
            ["empty"] => steps.push(Step::Empty),
            ["exit", code] => exit = code.parse().expect("an exit code"),
            ["expect"] => expect.extend(block(&mut i).lines().map(str::to_string)),
            [""] => {}
            other => panic!("unknown directive {other:?}"),
        }
    }
    Case {
        steps,
        exit,
        expect,
        expect_full,
    }
}

/// Runs `jiha check` (with `extra` arguments) on `dir`; returns the exit code and standard
/// error with the dataset's directory written `$DATA`.
fn check(dir: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let output = jiha()
        .arg("check")
        .args(extra)
        .arg("--data")
        .arg(dir)
        .output()
        .expect("run jiha");
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&dir.display().to_string(), "$DATA");
    (output.status.code(), stderr)
}

fn apply(case: &Case, dir: &Path) {
    for step in &case.steps {
        match step {
            Step::Empty => {
                for entry in std::fs::read_dir(dir).expect("dir") {
                    let path = entry.expect("entry").path();
                    if path.is_dir() {
                        std::fs::remove_dir_all(&path).expect("remove dir");
                    } else {
                        std::fs::remove_file(&path).expect("remove file");
                    }
                }
            }
            Step::Replace { file, find, with } => {
                let path = dir.join(file);
                let text = std::fs::read_to_string(&path).expect("read");
                assert!(
                    text.contains(find.as_str()),
                    "`{find}` does not occur in {file}"
                );
                std::fs::write(&path, text.replacen(find.as_str(), with, 1)).expect("write");
            }
            Step::Write { file, content } => {
                let path = dir.join(file);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).expect("mkdir");
                }
                std::fs::write(path, content).expect("write");
            }
            Step::Delete { file } => std::fs::remove_file(dir.join(file)).expect("delete"),
            Step::Truncate { file, bytes } => {
                let path = dir.join(file);
                let data = std::fs::read(&path).expect("read");
                std::fs::write(&path, &data[..*bytes.min(&data.len())]).expect("write");
            }
            Step::Bytes { file, bytes } => std::fs::write(dir.join(file), bytes).expect("write"),
            Step::Repeat { file, line, times } => {
                let path = dir.join(file);
                let mut data = std::fs::read_to_string(&path).expect("read");
                for _ in 0..*times {
                    data.push_str(line);
                    data.push('\n');
                }
                std::fs::write(path, data).expect("write");
            }
        }
    }
}

#[test]
fn every_broken_dataset_gets_its_exact_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("the corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "case"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for path in &cases {
        let case = parse(&std::fs::read_to_string(path).expect("read case"));
        let dir = copy_of_data();
        apply(&case, dir.path());
        let (code, stderr) = check(dir.path(), &["--short"]);
        let found: Vec<String> = stderr
            .lines()
            .filter(|l| !l.starts_with("error: the dataset in"))
            .map(|l| l.replacen("$DATA/", "", 1))
            .collect();
        let (full_code, full) = check(dir.path(), &[]);
        let full = full.trim_end().to_string();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let panicked = stderr.contains("panicked") || full.contains("panicked");
        if std::env::var_os("JIHA_BLESS").is_some() && !panicked {
            let text = std::fs::read_to_string(path).expect("read case");
            let head = text.split("\nexpect\n").next().unwrap_or_default();
            let mut blessed = format!("{head}\nexpect\n{}\n", found.join("\n"));
            if case.expect_full.is_some() {
                blessed.push_str(&format!("expect-full\n{full}\n"));
            }
            std::fs::write(path, blessed).expect("bless");
            continue;
        }
        let exit = Some(case.exit);
        if panicked || code != exit || full_code != exit || found != case.expect {
            failures.push(format!(
                "{name}: exit {code:?} (long form: {full_code:?}), expected {exit:?}\n  expected:\n    {}\n  found:\n    {}",
                case.expect.join("\n    "),
                found.join("\n    ")
            ));
        }
        if let Some(expected) = &case.expect_full
            && *expected != full
        {
            failures.push(format!(
                "{name}: the long report differs\n--- expected\n{expected}\n--- found\n{full}\n---"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
