//! `jiha list`.

use std::path::Path;

use crate::error::Error;
use crate::view::briefs;

pub fn run(data: Option<&Path>) -> Result<(), Error> {
    let (dataset, _) = crate::dataset::load(data)?;
    let entries = briefs(&dataset);
    let width = entries.iter().map(|e| e.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for entry in entries {
        out.push_str(&format!(
            "{:width$}  {:8}  {}\n",
            entry.id,
            entry.kind.name(),
            entry.title
        ));
    }
    super::print(&out)
}
