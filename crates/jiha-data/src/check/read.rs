//! Reading a dataset directory: every data file is a regular file of bounded size, read
//! whole, or a located finding that says what it is instead.
//!
//! Nothing is opened before its kind is known: a FIFO would block the read forever.

use std::io::Read;
use std::path::Path;

use super::*;

/// The largest data file jiha reads, in bytes (16 MiB): the largest file of a real dataset
/// (the outlines) is about 60 KB. A larger file is refused unread.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a file of the dataset was not read.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// A symbolic link to `target`, which does not exist.
    DanglingLink { target: String },
    /// A directory where a file is expected.
    Directory,
    /// A FIFO (named pipe); never opened, since reading it could block forever.
    Fifo,
    /// A Unix socket.
    Socket,
    /// A character or block device.
    Device,
    /// The system refused to open or read it.
    Denied,
    /// Another error of the system, in its words.
    Io { error: String },
    /// A file where a folder of data files (`proposals/`, `labels/`) is expected.
    NotAFolder,
    /// Its name is not valid UTF-8 (shown with `�` for the invalid bytes).
    NameNotUtf8,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: u64 },
}

impl Unreadable {
    pub(super) fn message(&self) -> String {
        match self {
            Unreadable::DanglingLink { target } => {
                format!("this file is a dangling link to `{target}`, which does not exist")
            }
            Unreadable::Directory => "this data file is a directory, not a file".into(),
            Unreadable::Fifo => "this data file is a FIFO (a named pipe), not a file".into(),
            Unreadable::Socket => "this data file is a socket, not a file".into(),
            Unreadable::Device => "this data file is a device, not a file".into(),
            Unreadable::Denied => "this file cannot be read: permission denied".into(),
            Unreadable::Io { error } => format!("this file cannot be read: {error}"),
            Unreadable::NotAFolder => {
                "this is a file, where a folder of data files is expected".into()
            }
            Unreadable::NameNotUtf8 => "this file's name is not valid UTF-8".into(),
            Unreadable::TooLarge { bytes } => format!(
                "this file is {} bytes, over the limit of {MAX_FILE_BYTES} bytes (16 MiB)",
                bytes
            ),
        }
    }

    pub(super) fn help(&self) -> String {
        match self {
            Unreadable::DanglingLink { .. } => {
                "point the link at an existing file, or put the file itself in its place".into()
            }
            Unreadable::Directory
            | Unreadable::Fifo
            | Unreadable::Socket
            | Unreadable::Device => {
                "a data file is a RON text file: put the file itself here, or remove this entry"
                    .into()
            }
            Unreadable::Denied => {
                "give the user who runs jiha permission to read it (`chmod a+r FILE`)".into()
            }
            Unreadable::Io { .. } => "check the disk, then copy the file again".into(),
            Unreadable::NotAFolder => {
                "make it a folder holding one RON file per entry (`proposals/<id>.ron`, `labels/<lang>.ron`)".into()
            }
            Unreadable::NameNotUtf8 => {
                "rename the file with letters, digits and `-` only: its name is its id".into()
            }
            Unreadable::TooLarge { .. } => {
                "a data file holds at most 16 MiB of text: check that this is the right file, or split it"
                    .into()
            }
        }
    }
}

/// Reads the RON files of a dataset directory: the files at its top and those under
/// `proposals/`, `labels/`, `provinces/` and `translations/`, in a stable order. `display` is how the user named the
/// directory. A data file that cannot be read comes back with the reason
/// ([`DataFile::unreadable`]), never skipped; only the directory itself failing is an error.
pub fn read_dir(root: &Path, display: &str) -> std::io::Result<Vec<DataFile>> {
    let display = display.trim_end_matches('/');
    let mut files = Vec::new();
    read_one_dir(root, display, "", &mut files)?;
    let translations = crate::translations::TRANSLATIONS_DIR;
    for sub in [PROPOSALS_DIR, LABELS_DIR, PROVINCES_DIR, translations] {
        let path = root.join(sub);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue; // Absent: the checks say what is missing.
        };
        let problem = match kind_of(&path, &meta) {
            Ok(meta) if meta.is_dir() => {
                match read_one_dir(&path, display, &format!("{sub}/"), &mut files) {
                    Ok(()) => continue,
                    Err(err) => io_problem(&err),
                }
            }
            Ok(_) => Unreadable::NotAFolder,
            Err(problem) => problem,
        };
        files.push(unreadable(sub.to_string(), display, problem));
    }
    Ok(files)
}

/// The `.ron` entries of one directory, read or with the reason they were not.
fn read_one_dir(
    dir: &Path,
    display: &str,
    prefix: &str,
    files: &mut Vec<DataFile>,
) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let os_name = entry.file_name();
        let name = format!("{prefix}{}", os_name.to_string_lossy());
        if os_name.to_str().is_none() {
            files.push(unreadable(name, display, Unreadable::NameNotUtf8));
            continue;
        }
        match read_file(&path) {
            Ok(bytes) => files.push(DataFile {
                display: format!("{display}/{name}"),
                name,
                bytes,
                unreadable: None,
            }),
            Err(problem) => files.push(unreadable(name, display, problem)),
        }
    }
    Ok(())
}

fn unreadable(name: String, display: &str, problem: Unreadable) -> DataFile {
    DataFile {
        display: format!("{display}/{name}"),
        name,
        bytes: Vec::new(),
        unreadable: Some(problem),
    }
}

/// What `path` is once links are followed, or why it is no file to read.
fn kind_of(path: &Path, meta: &std::fs::Metadata) -> Result<std::fs::Metadata, Unreadable> {
    if !meta.file_type().is_symlink() {
        return Ok(meta.clone());
    }
    std::fs::metadata(path).map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => Unreadable::DanglingLink {
            target: std::fs::read_link(path)
                .map(|t| t.display().to_string())
                .unwrap_or_default(),
        },
        _ => io_problem(&err),
    })
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`], looking at its kind first.
fn read_file(path: &Path) -> Result<Vec<u8>, Unreadable> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| io_problem(&e))?;
    let meta = kind_of(path, &meta)?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(Unreadable::Directory);
    }
    if !kind.is_file() {
        return Err(special(kind));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Unreadable::TooLarge { bytes: meta.len() });
    }
    let file = std::fs::File::open(path).map_err(|e| io_problem(&e))?;
    // The file may have grown since: never read past the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_problem(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let bytes = meta.len().max(bytes.len() as u64);
        return Err(Unreadable::TooLarge { bytes });
    }
    Ok(bytes)
}

/// What a file that is neither a regular file nor a directory is.
#[cfg(unix)]
fn special(kind: std::fs::FileType) -> Unreadable {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        Unreadable::Fifo
    } else if kind.is_socket() {
        Unreadable::Socket
    } else {
        Unreadable::Device
    }
}

#[cfg(not(unix))]
fn special(_: std::fs::FileType) -> Unreadable {
    Unreadable::Device
}

fn io_problem(err: &std::io::Error) -> Unreadable {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied => Unreadable::Denied,
        _ => Unreadable::Io {
            error: err.to_string(),
        },
    }
}
