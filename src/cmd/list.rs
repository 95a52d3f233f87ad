//! `jiha list`.

use crate::cli::ListArgs;
use crate::dataset::Source;
use crate::error::Error;
use crate::plan::{languages, views};

pub fn run(data: Source, args: &ListArgs) -> Result<(), Error> {
    let (dataset, _) = crate::dataset::load(data)?;
    let original = std::slice::from_ref(&dataset.meta().original);
    let langs = languages(&dataset, args.lang.as_slice(), original)?;
    let mut out = String::new();
    for lang in langs {
        let entries = views(&dataset, lang)?.briefs();
        let entries: Vec<_> = (entries.into_iter())
            .filter(|e| args.kind.is_empty() || args.kind.contains(&e.kind))
            .collect();
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
    crate::output::print(&out)
}
