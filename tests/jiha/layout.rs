//! The code's own shape: no source file over 700 lines and no function over 80, so that each
//! room stays small enough to read whole (`docs/architecture.md`). Counted on the files as
//! rustfmt lays them out: a function runs from its `fn` line to the brace that closes it at
//! the same indentation.

use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 700;
const MAX_FUNCTION_LINES: usize = 80;

/// Every Rust file of the crates, their build script and their benchmarks.
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("build.rs")];
    let mut dirs = vec![
        root.join("src"),
        root.join("crates"),
        root.join("benches"),
        root.join("tests"),
    ];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The functions of a file over the limit: (line, name, length).
fn long_functions(text: &str) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut long = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let signature = trimmed
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub(super) ")
            .trim_start_matches("pub ")
            .trim_start_matches("const ");
        let Some(rest) = signature.strip_prefix("fn ") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        // A declaration without a body (in a trait) ends with `;` before its `{`.
        let opening = lines[i..]
            .iter()
            .find(|l| l.trim_end().ends_with('{') || l.trim_end().ends_with(';'));
        if opening.is_none_or(|l| l.trim_end().ends_with(';')) {
            continue;
        }
        let close = format!("{}}}", " ".repeat(indent));
        let Some(end) = lines[i..].iter().position(|l| *l == close) else {
            continue;
        };
        let length = end + 1;
        if length > MAX_FUNCTION_LINES {
            long.push((i + 1, name, length));
        }
    }
    long
}

#[test]
fn no_file_over_700_lines_and_no_function_over_80() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut faults = Vec::new();
    for path in sources() {
        let text = std::fs::read_to_string(&path).expect("a source file");
        let shown = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let count = text.lines().count();
        if count > MAX_FILE_LINES {
            faults.push(format!("{shown}: {count} lines (at most {MAX_FILE_LINES})"));
        }
        for (line, name, length) in long_functions(&text) {
            faults.push(format!(
                "{shown}:{line}: fn {name} is {length} lines (at most {MAX_FUNCTION_LINES})"
            ));
        }
    }
    assert!(faults.is_empty(), "too long:\n{}", faults.join("\n"));
}

#[test]
fn the_measure_finds_a_long_function() {
    let body = "    let x = 1;\n".repeat(MAX_FUNCTION_LINES);
    let text = format!("fn short() {{\n}}\n\npub fn long() {{\n{body}}}\n");
    assert_eq!(
        long_functions(&text),
        vec![(4, "long".to_string(), MAX_FUNCTION_LINES + 2)]
    );
}
