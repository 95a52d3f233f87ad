//! Writing output safely: files atomically and never through a link out of the output
//! directory; standard output with a closed pipe taken as the reader being done.

use std::io::Write;
use std::path::{Path, PathBuf};

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

/// Writes `bytes` to `root/relative` atomically: a temporary file in the same directory,
/// renamed over the target once complete. A reader never sees a half-written file.
pub fn write_atomic(root: &Path, relative: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
    let path = check_target(root, relative)?;
    let parent = path.parent().unwrap_or(root).to_path_buf();
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let mut file = tempfile::Builder::new()
        .prefix(".jiha-")
        .tempfile_in(&parent)
        .map_err(|e| Error::io(&parent, e))?;
    // Temporary files are private; a brief is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = file
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| Error::io(&path, e))?;
    file.persist(&path).map_err(|e| Error::io(&path, e.error))?;
    Ok(path)
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
