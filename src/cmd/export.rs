//! `jiha export-data`.

use crate::cli::ExportArgs;
use crate::dataset::Source;
use crate::error::Error;
use crate::output::write_atomic;

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
    for file in &files {
        crate::output::check_target(&args.dir, &file.name)?;
    }
    let mut written = String::new();
    for file in &files {
        let path = write_atomic(&args.dir, &file.name, &file.bytes)?;
        written.push_str(&format!("{}\n", path.display()));
    }
    crate::output::print(&written)
}
