//! `jiha list`.

use crate::cli::ListArgs;
use crate::dataset::Source;
use crate::error::Error;

pub fn run(data: Source, args: &ListArgs) -> Result<(), Error> {
    let (dataset, _) = crate::dataset::load(data)?;
    let langs = super::one_language(&dataset, args.lang.as_ref())?;
    let mut out = String::new();
    for lang in &langs {
        let entries = super::views(&dataset, lang)?.briefs();
        let width = entries.iter().map(|e| e.id.len()).max().unwrap_or(0);
        for entry in entries {
            out.push_str(&format!(
                "{:width$}  {:8}  {}\n",
                entry.id,
                entry.kind.name(),
                entry.title
            ));
        }
    }
    super::print(&out)
}
