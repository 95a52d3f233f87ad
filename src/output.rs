//! Writing output safely: every file of a command, or none; never through a link out of the
//! output directory; standard output with a closed pipe taken as the reader being done.
//!
//! A set of files is written in two steps. First each is *staged*, as soon as it is made:
//! written whole to a temporary file (`.jiha-*`) beside its target, so that a render holds in
//! memory only the files being made. Only when every one of them is on disk are they
//! *committed*: each temporary renamed over its target, a path printed as each file is in
//! place. A failure while staging (a full disk, a refused target) removes the temporaries and
//! any directory the command created, so the output directory is left exactly as it was. An
//! interruption (SIGINT, SIGTERM, SIGHUP) does the same while staging; during the commit, which
//! only renames, it waits for the commit to finish, so the directory is never half old, half
//! new.

mod signals;

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::error::Error;

/// Refuses a target that jiha must not write: one under `root` reached through a symbolic
/// link (it could point anywhere), one that is a link or a directory itself, or a `root`
/// that exists but is not a directory.
pub fn check_target(root: &Path, relative: &str) -> Result<PathBuf, Error> {
    if let Ok(meta) = std::fs::metadata(root)
        && !meta.is_dir()
    {
        return Err(Error::io(root, refusal("is not a directory")));
    }
    let mut path = root.to_path_buf();
    let parts: Vec<&str> = relative.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        path.push(part);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            // Nothing there yet: nothing below can exist either.
            break;
        };
        if meta.file_type().is_symlink() {
            return Err(Error::io(
                &path,
                refusal("is a symbolic link; jiha does not write through links"),
            ));
        }
        let last = i + 1 == parts.len();
        if last && meta.is_dir() {
            return Err(Error::io(&path, refusal("is a directory")));
        }
        if !last && !meta.is_dir() {
            return Err(Error::io(&path, refusal("is not a directory")));
        }
    }
    Ok(root.join(relative))
}

fn refusal(why: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::AlreadyExists, why)
}

/// Writes every file under `root` (paths relative to it, `/`-separated), all or none, and
/// prints each path as its file is put in place.
pub fn write_all<'a>(
    root: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<(), Error> {
    let files: Vec<(&str, &[u8])> = files.into_iter().collect();
    let staging = Staging::begin(root, files.iter().map(|(relative, _)| *relative))?;
    for (i, (_, bytes)) in files.iter().enumerate() {
        staging.stage(i, bytes)?;
    }
    staging.commit()
}

/// From now on, an interruption (SIGINT, SIGTERM, SIGHUP) removes what is staged and ends
/// the process, as it does once a write has begun. `watch` calls it first: it waits for
/// saves until it is interrupted, and an interruption then ends it cleanly.
pub fn end_on_interrupt() {
    signals::on_interrupt_roll_back();
}

/// A set of files being written, all or none: each is staged as soon as it is made, from any
/// thread, and all are put in place together by [`Staging::commit`]. Dropped without a
/// commit, it removes what it staged.
#[derive(Debug)]
pub struct Staging {
    root: PathBuf,
    /// The checked path of each file, by its number.
    targets: Vec<PathBuf>,
}

impl Staging {
    /// Checks every target before anything is written (a refusal leaves no trace), and from
    /// then on rolls back on an interruption.
    pub fn begin<'a>(
        root: &Path,
        relatives: impl IntoIterator<Item = &'a str>,
    ) -> Result<Staging, Error> {
        let targets = relatives
            .into_iter()
            .map(|relative| check_target(root, relative))
            .collect::<Result<Vec<_>, _>>()?;
        signals::on_interrupt_roll_back();
        pending().committed = false;
        Ok(Staging {
            root: root.to_path_buf(),
            targets,
        })
    }

    /// Writes the file number `i` whole to its temporary. A failure is the run's: the caller
    /// stops, and dropping the staging removes what was staged.
    pub fn stage(&self, i: usize, bytes: &[u8]) -> Result<(), Error> {
        let target = self
            .targets
            .get(i)
            .ok_or_else(|| Error::io(&self.root, refusal("has no such file to write")))?;
        stage(&self.root, i, target, bytes).map_err(|error| Error::Unwritten {
            root: self.root.clone(),
            error: Box::new(error),
        })
    }

    /// Puts every staged file in place, in the order of their numbers.
    pub fn commit(self) -> Result<(), Error> {
        commit()
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let mut pending = pending();
        if !pending.committed {
            roll_back(&mut pending);
        }
    }
}

/// What this process has on disk that is not yet in place: the temporaries and the
/// directories it created, in order. The interruption handler reads it too.
#[derive(Debug, Default)]
struct Pending {
    /// Each temporary file and the target it will be renamed to, with the target's number.
    staged: Vec<(usize, PathBuf, PathBuf)>,
    /// The directories created for the targets, parents first.
    created: Vec<PathBuf>,
    /// Whether a commit has put every file in place.
    committed: bool,
}

static PENDING: Mutex<Pending> = Mutex::new(Pending {
    staged: Vec::new(),
    created: Vec::new(),
    committed: false,
});

/// The pending files, whoever panicked while holding them.
fn pending() -> MutexGuard<'static, Pending> {
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Writes `bytes` whole to a new temporary file beside `target`, the file number `i`. The
/// lock is held from the file's creation to its registration, so an interruption either sees
/// it or finds nothing; the bytes are written without it, so threads stage side by side.
fn stage(root: &Path, i: usize, target: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut file = {
        let mut pending = pending();
        let parent = target.parent().unwrap_or(root);
        create_dirs(parent, &mut pending.created)?;
        let (temporary, file) = create_temporary(parent, pending.staged.len())?;
        pending.staged.push((i, temporary, target.to_path_buf()));
        file
    };
    // No fsync: the promise is about failures and interruptions, not power cuts, and ten
    // thousand fsyncs would cost more than the render. A full disk fails the write itself.
    file.write_all(bytes).map_err(|e| Error::io(target, e))
}

/// Creates `dir` and its missing parents, noting each one created.
fn create_dirs(dir: &Path, created: &mut Vec<PathBuf>) -> Result<(), Error> {
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && std::fs::symlink_metadata(d).is_err())
        .collect();
    for d in missing.into_iter().rev() {
        std::fs::create_dir(d).map_err(|e| Error::io(d, e))?;
        created.push(d.to_path_buf());
    }
    Ok(())
}

/// A new file `.jiha-<pid>-<n>.tmp` in `dir`, readable as an ordinary document.
fn create_temporary(dir: &Path, n: usize) -> Result<(PathBuf, File), Error> {
    let path = dir.join(format!(".jiha-{}-{n}.tmp", std::process::id()));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o644);
    let file = options.open(&path).map_err(|e| Error::io(&path, e))?;
    Ok((path, file))
}

/// Puts every staged file in place, printing each path once it is there. The lock is held
/// throughout: an interruption waits for the last rename.
fn commit() -> Result<(), Error> {
    let mut pending = pending();
    let mut staged = std::mem::take(&mut pending.staged);
    staged.sort_by_key(|(i, _, _)| *i);
    pending.created.clear();
    let mut staged = staged.into_iter();
    // A path that cannot be printed (standard output full) does not stop the commit: the
    // error is reported once every file is in place.
    let mut printed = Ok(());
    while let Some((_, temporary, target)) = staged.next() {
        if let Err(e) = std::fs::rename(&temporary, &target) {
            // Renaming within one directory fails only if the directory changed under us:
            // the files still staged are removed, and the error says which file stopped.
            let _ = std::fs::remove_file(&temporary);
            for (_, rest, _) in staged {
                let _ = std::fs::remove_file(rest);
            }
            return Err(Error::io(&target, e));
        }
        if printed.is_ok() {
            printed = print(&format!("{}\n", crate::error::shown(&target)));
        }
    }
    pending.committed = true;
    printed
}

/// Removes every temporary file and every directory this process created, newest first.
fn roll_back(pending: &mut Pending) {
    for (_, temporary, _) in pending.staged.drain(..) {
        let _ = std::fs::remove_file(temporary);
    }
    for dir in pending.created.drain(..).rev() {
        let _ = std::fs::remove_dir(dir);
    }
}

/// Writes to standard output. A closed pipe (`jiha list | head -1`) is not an error: the
/// reader has what it wanted.
pub fn print(text: &str) -> Result<(), Error> {
    print_bytes(text.as_bytes())
}

pub fn print_bytes(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("<stdout>", e)),
        _ => Ok(()),
    }
}

/// Writes to standard error. A closed or full standard error loses the text but never stops
/// the command: what it says is also in the exit code.
pub fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `dir`, sorted.
    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("listing")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_refused_target_stops_the_write_before_anything_is_staged() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "old").expect("a.txt");
        std::fs::write(root.join("b"), "a file").expect("b");
        let files = [
            ("a.txt", b"new".as_slice()),
            ("new/c.txt", b"c".as_slice()),
            ("b/c.txt", b"c".as_slice()),
        ];
        assert!(write_all(root, files).is_err());
        assert_eq!(listing(root), ["a.txt", "b"]);
        assert_eq!(
            std::fs::read_to_string(root.join("a.txt")).expect("a"),
            "old"
        );
    }

    #[test]
    fn rolling_back_removes_the_temporaries_and_the_directories_created() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "old").expect("a.txt");
        stage(root, 0, &root.join("a.txt"), b"new").expect("staged");
        stage(root, 1, &root.join("new/deep/c.txt"), b"c").expect("staged");
        assert_eq!(listing(root).len(), 3, "a.txt, its temporary and new/");
        roll_back(&mut pending());
        assert_eq!(listing(root), ["a.txt"]);
        assert_eq!(
            std::fs::read_to_string(root.join("a.txt")).expect("a"),
            "old"
        );
    }
}
