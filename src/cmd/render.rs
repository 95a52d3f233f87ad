//! `jiha render`.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::check::closest;
use crate::cli::{FormatArg, RenderArgs};
use crate::error::Error;
use crate::output::write_atomic;
use crate::render::{Format, Options, RenderError, render};
use crate::view::{BriefEntry, Views, briefs};

pub fn run(data: Option<&Path>, args: &RenderArgs) -> Result<(), Error> {
    let (dataset, report) = crate::dataset::load(data)?;
    eprint!("{}", report.render());
    let all = briefs(&dataset);
    let selected = select(&all, &args.ids)?;
    let views = Views::new(&dataset);
    let options = Options { width: args.width };

    if args.output.as_os_str() == "-" {
        let formats = FormatArg::resolve(&args.format, &[Format::Html]);
        let ([entry], [format]) = (selected.as_slice(), formats.as_slice()) else {
            return Err(Error::Usage(format!(
                "`-o -` writes one brief in one format to standard output, but {} brief(s) and {} format(s) are selected; name one id and one --format",
                selected.len(),
                formats.len()
            )));
        };
        let bytes = render(&views, entry, *format, options).map_err(Error::Render)?;
        return super::print_bytes(&bytes);
    }

    let formats = FormatArg::resolve(&args.format, &[Format::Html, Format::Pdf]);
    let jobs: Vec<(&BriefEntry, Format)> = selected
        .iter()
        .flat_map(|entry| formats.iter().map(move |format| (*entry, *format)))
        .collect();
    let rendered = render_all(&views, &jobs, options);
    let mut written = String::new();
    for ((entry, format), bytes) in jobs.iter().zip(rendered) {
        let bytes = bytes.map_err(Error::Render)?;
        let relative = format!("{}.{}", entry.stem, format.extension());
        let path = write_atomic(&args.output, &relative, &bytes)?;
        written.push_str(&format!("{}\n", path.display()));
    }
    super::print(&written)
}

/// Renders every job, on as many threads as there are cores: the briefs are independent,
/// and a PDF takes long enough to be worth it. Results come back in the jobs' order.
fn render_all(
    views: &Views,
    jobs: &[(&BriefEntry, Format)],
    options: Options,
) -> Vec<Result<Vec<u8>, RenderError>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, Result<Vec<u8>, RenderError>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((entry, format)) = jobs.get(i) else {
                            break;
                        };
                        done.push((i, render(views, entry, *format, options)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// The briefs named by `ids`, in the order given; all of them when none is given.
pub fn select<'a>(all: &'a [BriefEntry], ids: &[String]) -> Result<Vec<&'a BriefEntry>, Error> {
    if ids.is_empty() {
        return Ok(all.iter().collect());
    }
    let mut selected: Vec<&BriefEntry> = Vec::new();
    for id in ids {
        let Some(entry) = all.iter().find(|e| &e.id == id) else {
            let known: Vec<String> = all.iter().map(|e| e.id.clone()).collect();
            return Err(Error::UnknownBrief {
                id: id.clone(),
                suggestion: closest(id, &known).cloned(),
            });
        };
        if !selected.iter().any(|e| e.id == entry.id) {
            selected.push(entry);
        }
    }
    Ok(selected)
}
