//! Writing files safely: atomically, and never through a link out of the output directory.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Writes `bytes` to `root/relative` atomically: a temporary file in the same directory,
/// renamed over the target once complete. A reader never sees a half-written file.
pub fn write_atomic(root: &Path, relative: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
    let path = root.join(relative);
    let parent = path.parent().unwrap_or(root).to_path_buf();
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Error::io(
            &path,
            std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "is a symbolic link; jiha does not write through links",
            ),
        ));
    }
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
