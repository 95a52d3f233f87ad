//! All or nothing under injected failures: a full disk, an interruption at a random moment, a
//! job that panics. Each leaves the output directory either exactly as it was or exactly as a
//! complete render makes it, never a mix, and no `.jiha-*` temporary file behind.
//!
//! The directory first holds an earlier render (every file with other bytes) and a file of
//! the user's, so that every file tells "as it was" from "fully updated".

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::LazyLock;

use tempfile::TempDir;

use crate::support::{Edit, broken, tree};

/// What the tests render: every text format and HTML, every language.
const FORMATS: &str = "html,md,txt";

type Tree = BTreeMap<String, Vec<u8>>;

/// `jiha render` of `FORMATS` in every language into `out`, from `data` if given.
fn render(out: &Path, data: Option<&Path>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jiha"));
    command
        .args(["render", "-f", FORMATS, "-l", "all", "-o"])
        .arg(out);
    if let Some(data) = data {
        command.arg("--data").arg(data);
    }
    command
}

/// What a complete render writes: the "fully updated" state.
static NEW: LazyLock<Tree> = LazyLock::new(|| {
    let work = TempDir::new().expect("tempdir");
    let output = render(work.path(), None).output().expect("run");
    assert!(output.status.success(), "{}", stderr_text(&output));
    tree(work.path())
});

/// A directory holding an earlier render: every file the render writes, each with other
/// bytes, and a file of the user's that jiha does not write. This is the state "as it was".
fn as_it_was() -> (TempDir, std::path::PathBuf, Tree) {
    let work = TempDir::new().expect("tempdir");
    let out = work.path().join("out");
    let mut old: Tree = NEW
        .keys()
        .map(|k| (k.clone(), format!("an earlier {k}\n").into_bytes()))
        .collect();
    old.insert("notes.txt".to_string(), b"the user's own\n".to_vec());
    for (path, bytes) in &old {
        let path = out.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
    (work, out, old)
}

/// The temporaries left under `dir`, by relative path.
fn temporaries(dir: &Path) -> Vec<String> {
    tree(dir)
        .into_keys()
        .filter(|k| {
            k.rsplit('/')
                .next()
                .is_some_and(|f| f.starts_with(".jiha-"))
        })
        .collect()
}

/// Which state `out` is in: "as it was" (`old`), "fully updated", or a mix (the files that
/// are not new).
fn state_of(out: &Path, old: &Tree) -> Result<&'static str, String> {
    let now = tree(out);
    let mut updated = old.clone();
    updated.extend(NEW.iter().map(|(k, v)| (k.clone(), v.clone())));
    if now == *old {
        Ok("as it was")
    } else if now == updated {
        Ok("fully updated")
    } else {
        let mixed: Vec<&String> = now
            .keys()
            .filter(|k| updated.get(*k) != Some(&now[*k]))
            .take(5)
            .collect();
        Err(format!("a mix of {} files; not new: {mixed:?}", now.len()))
    }
}

/// `command` with a file size limit of `bytes`: a write past it fails with "File too large"
/// (SIGXFSZ ignored, as the shell passes it on), as a full disk does.
fn with_file_size_limit(command: &Command, bytes: u64) -> Command {
    let mut limited = Command::new("sh");
    limited
        .arg("-c")
        .arg("trap '' XFSZ; exec prlimit --fsize=\"$0\" \"$@\"")
        .arg(bytes.to_string())
        .arg(command.get_program())
        .args(command.get_args());
    limited
}

fn stderr_text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_full_disk_leaves_the_directory_as_it_was() {
    let (_work, out, old) = as_it_was();
    // Small files fit, the books do not: the failure comes after many files are staged.
    let largest = NEW.values().map(Vec::len).max().expect("files");
    let limit = u64::try_from(largest / 2).expect("a size");
    let output = with_file_size_limit(&render(&out, None), limit)
        .output()
        .expect("run");
    let stderr = stderr_text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(output.stdout.is_empty(), "no path is reported written");
    assert_eq!(state_of(&out, &old), Ok("as it was"));
    assert_eq!(temporaries(&out), Vec::<String>::new());
    // With room again, the same render completes, and each path is printed once.
    let output = render(&out, None).output().expect("run");
    assert!(output.status.success(), "{}", stderr_text(&output));
    assert_eq!(state_of(&out, &old), Ok("fully updated"));
    let printed = String::from_utf8_lossy(&output.stdout).lines().count();
    assert_eq!(printed, NEW.len());
}

/// SIGTERM and SIGINT at moments spread over a whole render, from the dataset's loading to
/// the last rename: each run ends either before anything is in place or after everything is.
#[test]
fn an_interruption_at_any_moment_leaves_the_old_or_the_new_output() {
    let span = {
        let (_work, out, _old) = as_it_was();
        let start = std::time::Instant::now();
        assert!(render(&out, None).output().expect("run").status.success());
        start.elapsed()
    };
    let mut seen = BTreeMap::new();
    // A fixed pseudo-random sequence: the moments differ between runs of the loop, not
    // between runs of the test.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..16 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let fraction = (seed % 1000) as f64 / 1000.0;
        let delay = span.mul_f64(1.2 * fraction);
        let signal = if round % 2 == 0 { "TERM" } else { "INT" };
        let (_work, out, old) = as_it_was();
        let mut child = render(&out, None)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(delay);
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .expect("kill");
        let status = child.wait().expect("wait");
        let state = state_of(&out, &old).unwrap_or_else(|mix| {
            panic!("SIGTERM after {delay:?} (status {status}, kill {killed}): {mix}")
        });
        assert_eq!(temporaries(&out), Vec::<String>::new(), "after {delay:?}");
        if state == "as it was" && status.success() {
            panic!("the render succeeded but left the old files ({delay:?})");
        }
        *seen.entry(state).or_insert(0) += 1;
    }
    eprintln!("interruptions left: {seen:?}");
    assert!(seen.contains_key("as it was"), "{seen:?}");
}

/// A job that panics, as a bug in a format library would (debug builds only:
/// `JIHA_INJECT_PANIC`), fails its brief by name, with the data file behind it.
#[test]
fn a_job_that_panics_leaves_the_directory_as_it_was() {
    let (_work, out, old) = as_it_was();
    let output = render(&out, None)
        .env("JIHA_INJECT_PANIC", "pole-cybersecurite-oriental")
        .output()
        .expect("run");
    let stderr = stderr_text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr
            .contains("error: brief `pole-cybersecurite-oriental` (fr, html): the renderer failed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("proposals/pole-cybersecurite-oriental.ron"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(output.stdout.is_empty());
    assert_eq!(state_of(&out, &old), Ok("as it was"));
    assert_eq!(temporaries(&out), Vec::<String>::new());
}

/// A standard error that cannot be written loses the message, not the exit code: no panic.
#[test]
fn an_unwritable_standard_error_is_not_a_crash() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full")
    };
    let unknown = Command::new(env!("CARGO_BIN_EXE_jiha"))
        .args(["render", "nope"])
        .stderr(full())
        .status()
        .expect("run");
    assert_eq!(unknown.code(), Some(1));
    // A dataset with a warning (a source cited by nothing) still renders when standard
    // error is full or closed and the warning cannot be printed.
    let unused = "source: Some(\"telquel-nmd-2021\")";
    let warned = broken(&[
        Edit {
            file: "figures.ron",
            find: unused,
            replace: "source: Some(\"discours-achour\")",
        },
        Edit {
            file: "dataset.ron",
            find: &format!("}}, {unused})"),
            replace: "})",
        },
        Edit {
            file: "dataset.ron",
            find: &format!("}}, {unused})"),
            replace: "})",
        },
    ]);
    for closed in [false, true] {
        let work = TempDir::new().expect("tempdir");
        let mut command = Command::new("sh");
        let redirect = if closed { "2>&-" } else { "2>/dev/full" };
        command
            .arg("-c")
            .arg(format!("exec \"$@\" {redirect}"))
            .arg("sh")
            .arg(env!("CARGO_BIN_EXE_jiha"))
            .args(["render", "overview", "-f", "txt", "-l", "fr", "--data"])
            .arg(warned.path())
            .arg("-o")
            .arg(work.path());
        let rendered = command.stdout(Stdio::null()).status().expect("run");
        assert_eq!(rendered.code(), Some(0), "standard error {redirect}");
        assert_eq!(tree(work.path()).len(), 1);
    }
}
