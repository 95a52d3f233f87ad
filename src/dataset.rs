//! Where the dataset comes from: the copy embedded at build time, or `--data DIR`.

use std::path::Path;
use std::sync::LazyLock;

use include_dir::{Dir, include_dir};

use crate::check::{self, DataFile, Report};
use crate::error::Error;
use crate::glyphs::Coverage;
use crate::model::Dataset;

/// `data/` as it was when the binary was built; `build.rs` checked it.
static EMBEDDED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// The raw files of the dataset in use.
pub fn files(data: Option<&Path>) -> Result<Vec<DataFile>, Error> {
    match data {
        Some(dir) => {
            if !dir.is_dir() {
                return Err(Error::io(
                    dir,
                    std::io::Error::new(std::io::ErrorKind::NotFound, "not a dataset directory"),
                ));
            }
            check::read_dir(dir, &dir.display().to_string()).map_err(|e| Error::io(dir, e))
        }
        None => Ok(embedded_files()),
    }
}

fn embedded_files() -> Vec<DataFile> {
    let mut files = Vec::new();
    let mut dirs = vec![&EMBEDDED];
    while let Some(dir) = dirs.pop() {
        for file in dir.files() {
            let name = file.path().to_string_lossy().replace('\\', "/");
            if name.ends_with(".ron") {
                files.push(DataFile {
                    display: format!("data/{name}"),
                    name,
                    bytes: file.contents().to_vec(),
                });
            }
        }
        dirs.extend(dir.dirs());
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// What the PDF fonts can draw, read once.
static COVERAGE: LazyLock<Coverage> = LazyLock::new(|| Coverage::of(&crate::glyphs::pdf_fonts()));

/// Loads and checks the dataset in use.
pub fn load(data: Option<&Path>) -> Result<(Dataset, Report), Error> {
    let files = files(data)?;
    let root = data.map_or_else(|| "data".to_string(), |d| d.display().to_string());
    check::load(&root, files, &COVERAGE).map_err(|report| Error::InvalidData {
        dataset: data.map_or_else(|| "data".to_string(), |d| d.display().to_string()),
        report,
    })
}
