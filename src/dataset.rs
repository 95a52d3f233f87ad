//! Where the dataset comes from: the copy embedded at build time, or `--data DIR`.

use std::path::Path;
use std::sync::LazyLock;

use include_dir::Dir;

use crate::error::Error;
use jiha_data::check::{self, DataFile, Report};
use jiha_data::checked::Dataset;
use jiha_data::glyphs::Coverage;

/// Where the dataset in use is read from.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// `data/` as it was when the binary was built, which `build.rs` checked. The binary
    /// (`main.rs`), not this library, embeds it: a data edit then recompiles only the small
    /// binary crate.
    Embedded(&'static Dir<'static>),
    /// A directory named by `--data`.
    Dir(&'a Path),
}

impl Source<'_> {
    /// How messages name the dataset's root.
    fn root(&self) -> String {
        match self {
            Source::Embedded(_) => "data".to_string(),
            Source::Dir(dir) => dir.display().to_string(),
        }
    }
}

/// The raw files of the dataset in use.
pub fn files(data: Source) -> Result<Vec<DataFile>, Error> {
    match data {
        Source::Dir(dir) => {
            let why = match std::fs::metadata(dir) {
                Err(_) => Some("does not exist"),
                Ok(meta) if !meta.is_dir() => Some("is not a directory"),
                Ok(_) => None,
            };
            if let Some(why) = why {
                let suggestion = None;
                let dir = dir.to_path_buf();
                return Err(Error::NotADataset {
                    dir,
                    why,
                    suggestion,
                });
            }
            if let Some(suggestion) = dataset_nearby(dir) {
                return Err(Error::NotADataset {
                    dir: dir.to_path_buf(),
                    why: "has no dataset.ron",
                    suggestion: Some(suggestion),
                });
            }
            check::read_dir(dir, &dir.display().to_string()).map_err(|e| Error::io(dir, e))
        }
        Source::Embedded(root) => Ok(embedded_files(root)),
    }
}

/// For a directory with no `dataset.ron` of its own, the dataset it was most likely meant to
/// be: its parent (`--data my-data/proposals`) or a child (`--data repo` for `repo/data`),
/// when that one has a `dataset.ron`.
fn dataset_nearby(dir: &Path) -> Option<std::path::PathBuf> {
    let has_dataset = |d: &Path| std::fs::symlink_metadata(d.join("dataset.ron")).is_ok();
    if has_dataset(dir) {
        return None;
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent.filter(|p| has_dataset(p)) {
        return Some(parent.to_path_buf());
    }
    let mut children: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir() && has_dataset(p))
        .collect();
    children.sort();
    children.into_iter().next()
}

fn embedded_files(root: &'static Dir<'static>) -> Vec<DataFile> {
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for file in dir.files() {
            let name = file.path().to_string_lossy().replace('\\', "/");
            if name.ends_with(".ron") {
                files.push(DataFile {
                    display: format!("data/{name}"),
                    name,
                    bytes: file.contents().to_vec(),
                    unreadable: None,
                });
            }
        }
        dirs.extend(dir.dirs());
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// What the PDF fonts can draw, read once.
static COVERAGE: LazyLock<Coverage> =
    LazyLock::new(|| Coverage::of(&jiha_data::glyphs::pdf_fonts()));

/// Loads and checks the dataset in use.
pub fn load(data: Source) -> Result<(Dataset, Report), Error> {
    load_files(data, files(data)?)
}

/// Checks `files` as the dataset in use: its files, some of them changed in memory.
pub fn load_files(data: Source, files: Vec<DataFile>) -> Result<(Dataset, Report), Error> {
    let root = data.root();
    check::load(&root, files, &COVERAGE).map_err(|report| Error::InvalidData {
        dataset: root,
        report,
    })
}

/// Loads and checks the dataset in use, and gives it as its files spell it (for the exports
/// that mirror the files, such as the JSON one).
pub fn load_model(data: Source) -> Result<(jiha_data::model::Dataset, Report), Error> {
    let files = files(data)?;
    let root = data.root();
    check::load_model(&root, files, &COVERAGE).map_err(|report| Error::InvalidData {
        dataset: root,
        report,
    })
}
