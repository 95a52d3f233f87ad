//! Data files of the wrong kind: each is an error naming that file and what it is, never
//! skipped, never "missing", never blamed on its directory. The corpus cannot make FIFOs,
//! links or unreadable files, so these build them here.

use std::path::Path;

use crate::support::{copy_of_data, jiha};

/// `jiha check --short` on `dir`: the exit code and the findings, the directory written
/// `$DATA`.
fn check_short(dir: &Path) -> (Option<i32>, Vec<String>) {
    let output = jiha()
        .args(["check", "--short", "--data"])
        .arg(dir)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run jiha");
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&dir.display().to_string(), "$DATA");
    let lines = stderr
        .lines()
        .filter(|l| !l.starts_with("error: the dataset in"))
        .map(str::to_string)
        .collect();
    (output.status.code(), lines)
}

/// Replaces `file` of a copy of the data with what `make` puts at its path; checks that the
/// one finding is `expected`, about that file.
fn only_finding(file: &str, make: impl FnOnce(&Path), expected: &str) {
    let dir = copy_of_data();
    let path = dir.path().join(file);
    std::fs::remove_file(&path).expect("remove the file");
    make(&path);
    let (code, found) = check_short(dir.path());
    assert_eq!(code, Some(1), "{found:?}");
    assert_eq!(found, vec![format!("$DATA/{file}: error: {expected}")]);
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

const FIFO: &str = "this data file is a FIFO (a named pipe), not a file";
const DIRECTORY: &str = "this data file is a directory, not a file";

#[test]
fn a_proposal_that_is_a_fifo_is_named_not_skipped_and_never_opened() {
    only_finding("proposals/programme-spark.ron", mkfifo, FIFO);
}

#[test]
fn dataset_ron_as_a_fifo_a_directory_or_a_dangling_link_is_named_as_what_it_is() {
    only_finding("dataset.ron", mkfifo, FIFO);
    only_finding(
        "dataset.ron",
        |p| std::fs::create_dir(p).expect("mkdir"),
        DIRECTORY,
    );
    only_finding(
        "dataset.ron",
        |p| std::os::unix::fs::symlink("gone.ron", p).expect("symlink"),
        "this file is a dangling link to `gone.ron`, which does not exist",
    );
}

#[test]
fn a_dangling_link_a_socket_or_a_directory_in_place_of_any_data_file_is_named() {
    only_finding(
        "labels/en.ron",
        |p| std::os::unix::fs::symlink("../nowhere/en.ron", p).expect("symlink"),
        "this file is a dangling link to `../nowhere/en.ron`, which does not exist",
    );
    only_finding(
        "sources.ron",
        |p| drop(std::os::unix::net::UnixListener::bind(p).expect("socket")),
        "this data file is a socket, not a file",
    );
    only_finding(
        "proposals/programme-spark.ron",
        |p| std::fs::create_dir(p).expect("mkdir"),
        DIRECTORY,
    );
}

#[test]
fn a_link_to_a_valid_file_is_followed() {
    let dir = copy_of_data();
    let path = dir.path().join("actors.ron");
    std::fs::rename(&path, dir.path().join("actors.txt")).expect("rename");
    std::os::unix::fs::symlink("actors.txt", &path).expect("symlink");
    let (code, found) = check_short(dir.path());
    assert_eq!((code, found), (Some(0), vec![]));
}

#[test]
fn an_unreadable_file_is_named_not_its_directory() {
    let dir = copy_of_data();
    let file = dir.path().join("figures.ron");
    let everyone = |path: &Path, mode: u32| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    everyone(dir.path(), 0o755);
    everyone(&file, 0o000);
    // Root reads everything: run as `nobody`, who may read the rest of the copy.
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let mut cmd = if root {
        for entry in walk(dir.path()) {
            everyone(&entry, if entry.is_dir() { 0o755 } else { 0o644 });
        }
        everyone(&file, 0o000);
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        cmd.arg(env!("CARGO_BIN_EXE_jiha"));
        cmd
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_jiha"))
    };
    let output = cmd
        .args(["check", "--short", "--data"])
        .arg(dir.path())
        .output()
        .expect("run jiha");
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&dir.path().display().to_string(), "$DATA");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.lines().next(),
        Some("$DATA/figures.ron: error: this file cannot be read: permission denied"),
        "{stderr}"
    );
}

/// Every file and directory under `dir`, `dir` included.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut all = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < all.len() {
        if all[i].is_dir() {
            let entries = std::fs::read_dir(&all[i]).expect("read dir");
            all.extend(entries.map(|e| e.expect("entry").path()));
        }
        i += 1;
    }
    all
}

#[test]
fn a_file_name_that_is_not_utf8_is_an_error_not_a_collision() {
    use std::os::unix::ffi::OsStrExt;
    let dir = copy_of_data();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.ron");
    std::fs::write(dir.path().join("proposals").join(name), "").expect("write");
    let (code, found) = check_short(dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        vec!["$DATA/proposals/caf\u{fffd}.ron: error: this file's name is not valid UTF-8"]
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = copy_of_data();
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.path().join("outlines.ron"))
        .expect("open");
    // Sparse: 17 MiB of zero bytes that take no room on disk, and that jiha must not read.
    file.set_len(17 * 1024 * 1024).expect("grow");
    let (code, found) = check_short(dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        vec![
            "$DATA/outlines.ron: error: this file is 17825792 bytes, over the limit of 16777216 bytes (16 MiB)"
        ]
    );
}

#[test]
fn a_proposals_folder_that_is_a_file_is_named() {
    let dir = copy_of_data();
    let proposals = dir.path().join("proposals");
    std::fs::remove_dir_all(&proposals).expect("remove");
    std::fs::write(&proposals, "").expect("write");
    let (code, found) = check_short(dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        vec!["$DATA/proposals: error: this is a file, where a folder of data files is expected"]
    );
}

#[test]
fn control_characters_in_file_and_folder_names_are_shown_not_sent_to_the_terminal() {
    let parent = tempfile::TempDir::new().expect("tempdir");
    let dir = parent.path().join("data\u{1b}[2J\u{202e}");
    let status = std::process::Command::new("cp")
        .arg("-r")
        .arg(crate::support::data_dir())
        .arg(&dir)
        .status()
        .expect("cp");
    assert!(status.success());
    let name = "proposals/x\u{1b}]0;owned\u{7}\r.ron";
    std::fs::write(dir.join(name), "Proposal(\n    id: \u{1b}[31m,\n)\n").expect("write");
    for short in [true, false] {
        let mut cmd = jiha();
        cmd.arg("check");
        if short {
            cmd.arg("--short");
        }
        let output = cmd.arg("--data").arg(&dir).output().expect("run jiha");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        let raw: Vec<char> = stderr
            .chars()
            .filter(|&c| (c.is_control() && c != '\n') || c == '\u{202e}')
            .collect();
        assert_eq!(raw, Vec::<char>::new(), "{stderr}");
        assert!(stderr.contains("x␛]0;owned␇␍.ron"), "{stderr}");
        assert!(stderr.contains("data␛[2J\\u{202e}"), "{stderr}");
    }
}

/// The README fuzzes `check` with whole files of `data/`: its `-max_len` must hold the largest
/// file and the byte that chooses it, or libFuzzer cuts that file short and it is only ever
/// fuzzed as a syntax error (as `dataset.ron` and three provinces files were at 72,000).
#[test]
fn the_check_fuzz_target_takes_every_data_file_whole() {
    fn largest(dir: &Path) -> u64 {
        let entries = std::fs::read_dir(dir).expect("a directory of data/");
        (entries.map(|e| e.expect("an entry").path()))
            .map(|path| {
                if path.is_dir() {
                    largest(&path)
                } else {
                    std::fs::metadata(&path).expect("a file").len()
                }
            })
            .max()
            .unwrap_or(0)
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("the README");
    let command = (readme.lines())
        .find(|l| l.starts_with("$T/check "))
        .expect("the README runs the check target");
    let max_len: u64 = (command.split_whitespace())
        .find_map(|w| w.strip_prefix("-max_len="))
        .and_then(|n| n.parse().ok())
        .expect("with a -max_len");
    let largest = largest(&root.join("data"));
    assert!(
        largest < max_len,
        "the largest file of data/ has {largest} bytes: raise -max_len={max_len} in the README"
    );
}
