//! Output that cannot be written: a clear one-line error naming the path and the cause,
//! exit 1, and nothing written at all.

use std::path::Path;

use tempfile::TempDir;

use crate::support::{jiha, tree};

/// Runs a render into `out`, expecting a refusal that names `needle`; returns stderr.
fn refused(out: &Path, extra: &[&str], needle: &str) -> String {
    let output = jiha()
        .args(["render", "-f", "html", "-l", "fr", "-o"])
        .arg(out)
        .args(extra)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty(), "nothing is reported written");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains(needle), "{needle} not in {stderr}");
    stderr
}

#[test]
fn an_output_directory_that_is_a_file() {
    let work = TempDir::new().expect("tempdir");
    let file = work.path().join("out");
    std::fs::write(&file, "mine").expect("write");
    let stderr = refused(&file, &[], "is not a directory");
    assert!(stderr.contains(&file.display().to_string()));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "mine");
}

#[test]
fn a_link_to_a_file_outside_is_not_followed() {
    let work = TempDir::new().expect("tempdir");
    let outside = work.path().join("outside.html");
    std::fs::write(&outside, "mine").expect("write");
    let out = work.path().join("out");
    std::fs::create_dir_all(out.join("fr")).expect("mkdir");
    std::os::unix::fs::symlink(&outside, out.join("fr/overview.html")).expect("symlink");
    refused(
        &out,
        &[],
        "fr/overview.html: is a symbolic link; jiha does not write through links",
    );
    assert_eq!(std::fs::read_to_string(&outside).expect("read"), "mine");
    // No partial state: nothing else was written either.
    assert_eq!(tree(&out).len(), 1);
}

#[test]
fn a_link_to_a_directory_outside_is_not_followed() {
    let work = TempDir::new().expect("tempdir");
    let outside = work.path().join("elsewhere");
    std::fs::create_dir_all(&outside).expect("mkdir");
    let out = work.path().join("out");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::os::unix::fs::symlink(&outside, out.join("fr")).expect("symlink");
    refused(&out, &[], "fr: is a symbolic link");
    assert!(
        tree(&outside).is_empty(),
        "nothing written through the link"
    );
}

#[test]
fn a_full_disk_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_jiha"))
        .args(["render", "overview", "-o", "-"])
        .stdout(full)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
}

#[test]
fn a_read_only_directory_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let work = TempDir::new().expect("tempdir");
    let out = work.path().join("out");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    if std::fs::write(out.join("probe"), "x").is_ok() {
        // Running as root: permissions do not stop it, so there is nothing to test here.
        eprintln!("skipped: permissions do not apply to this user");
        return;
    }
    refused(&out, &[], "Permission denied");
}

#[test]
fn a_render_killed_midway_leaves_no_truncated_file() {
    // Killed at several moments, so that some kills land while files are being written.
    for millis in [300, 1500, 3000, 6000] {
        let work = TempDir::new().expect("tempdir");
        let out = work.path().join("out");
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jiha"))
            .args(["render", "-f", "all", "-o"])
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(millis));
        let _ = child.kill();
        let _ = child.wait();
        if !out.exists() {
            continue;
        }
        for (name, bytes) in tree(&out) {
            if name
                .rsplit('/')
                .next()
                .is_some_and(|f| f.starts_with(".jiha-"))
            {
                continue; // a temporary file, never under a final name
            }
            let complete = match name.rsplit('.').next() {
                Some("html") => bytes.trim_ascii_end().ends_with(b"</html>"),
                Some("pdf") => bytes.windows(5).rev().take(64).any(|w| w == b"%%EOF"),
                _ => !bytes.is_empty(),
            };
            assert!(complete, "{name} is truncated (killed after {millis} ms)");
        }
    }
}

/// A word longer than a printed line can break is refused by `check`, located, before any
/// format library sees it: an unbreakable word of 40,000 `é` made the PDF writer panic on a
/// character boundary, after the other formats had been laid out. Nothing is written.
#[test]
fn a_word_no_line_can_break_is_refused_before_rendering_and_nothing_is_written() {
    let word = "é".repeat(40_000);
    let (output, out) = crate::support::render_spark_titled(&word, "html,md,pdf");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error: a word of 40000 characters without a space (from character 1); at most 200"
        ),
        "{}",
        stderr.chars().take(2_000).collect::<String>()
    );
    assert!(
        stderr.contains("proposals/programme-spark.ron:5:15"),
        "located at the title"
    );
    assert!(!stderr.contains("renderer failed"), "no format library ran");
    assert!(output.stdout.is_empty(), "no path is reported written");
    assert!(tree(out.path()).is_empty(), "{:?}", tree(out.path()).keys());
}

/// An output folder whose name holds terminal controls (an OSC title sequence, a carriage
/// return) is written to, and its paths are printed with the controls drawn, never sent.
#[test]
fn paths_reach_the_terminal_with_their_controls_drawn() {
    let work = TempDir::new().expect("tempdir");
    let out = work.path().join("out\u{1b}]0;owned\u{7}\r");
    let output = jiha()
        .args(["render", "overview", "-f", "md", "-l", "fr", "-o"])
        .arg(&out)
        .output()
        .expect("run");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    assert!(!stdout.contains(['\u{1b}', '\u{7}', '\r']), "{stdout:?}");
    assert!(
        stdout.contains("out␛]0;owned␇␍/fr/overview.md"),
        "{stdout:?}"
    );
    assert!(out.join("fr/overview.md").is_file());
    // An error naming such a path draws its controls too.
    std::fs::write(work.path().join("file\u{1b}[2J"), "mine").expect("write");
    let output = jiha()
        .args(["render", "overview", "-f", "md", "-l", "fr", "-o"])
        .arg(work.path().join("file\u{1b}[2J"))
        .output()
        .expect("run");
    let stderr = String::from_utf8(output.stderr).expect("utf-8");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("file␛[2J"), "{stderr:?}");
}

/// Runs `jiha ARGS` on a pseudo-terminal (util-linux `script`), as a person at a terminal
/// would, and returns what the terminal showed.
fn on_a_terminal(args: &str) -> String {
    let command = format!("{} {args}", env!("CARGO_BIN_EXE_jiha"));
    let output = std::process::Command::new("script")
        .args(["--quiet", "--return", "--command", &command, "/dev/null"])
        .output()
        .expect("run `script` (util-linux, package bsdutils on Debian)");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_long_render_shows_its_progress_on_a_terminal_only() {
    let dir = TempDir::new().expect("temporary directory");
    let out = dir.path().join("many");
    let args = format!(
        "render -o {} --format md,txt,typst --lang all",
        out.display()
    );
    let shown = on_a_terminal(&args);
    let files = shown.lines().filter(|l| l.contains("/many/")).count();
    assert!(files > 200, "{files} files");
    assert!(
        shown.contains(&format!("{files}/{files} files made")),
        "no progress bar: {shown}"
    );
    // The same render into a pipe: the paths, and nothing on standard error.
    let piped = jiha()
        .args(["render", "-o"])
        .arg(dir.path().join("piped"))
        .args(["--format", "md,txt,typst", "--lang", "all"])
        .output()
        .expect("run");
    assert!(piped.status.success());
    assert_eq!(String::from_utf8_lossy(&piped.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&piped.stdout).lines().count(),
        files
    );
    // A short render shows none, even on a terminal.
    let few = format!("render -o {} --format md", dir.path().join("few").display());
    assert!(!on_a_terminal(&few).contains("files made"));
}
