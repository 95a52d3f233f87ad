//! `jiha export-data`.

use crate::cli::ExportArgs;
use crate::dataset::Source;
use crate::error::Error;

pub fn run(data: Source, args: &ExportArgs) -> Result<(), Error> {
    let files = crate::dataset::files(data)?;
    if !args.force {
        let existing: Vec<_> = files
            .iter()
            .map(|f| args.dir.join(&f.name))
            .filter(|p| std::fs::symlink_metadata(p).is_ok())
            .collect();
        if !existing.is_empty() {
            return Err(Error::WouldOverwrite { paths: existing });
        }
    }
    crate::output::write_all(
        &args.dir,
        files.iter().map(|f| (f.name.as_str(), f.bytes.as_slice())),
    )
}
