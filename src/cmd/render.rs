//! `jiha render`.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::cli::{FormatArg, KindArg, RenderArgs};
use crate::dataset::Source;
use crate::error::Error;
use crate::output::{check_target, write_atomic};
use crate::render::{Format, Options, RenderError, render};
use crate::view::{BriefEntry, Views};
use jiha_data::check::closest;

pub fn run(data: Source, args: &RenderArgs) -> Result<(), Error> {
    let to_stdout = args.output.as_os_str() == "-";
    let default_formats: &[Format] = if to_stdout {
        &[Format::Html]
    } else {
        &[Format::Html, Format::Pdf]
    };
    if FormatArg::resolve(&args.format, default_formats).contains(&Format::Pdf) {
        crate::render::typst::prepare();
    }
    let (dataset, report) = crate::dataset::load(data)?;
    eprint!("{}", report.render());
    let options = Options { width: args.width };

    if to_stdout {
        let langs = super::languages(
            &dataset,
            &args.lang,
            std::slice::from_ref(&dataset.meta.original),
        )?;
        let formats = FormatArg::resolve(&args.format, default_formats);
        let views = match langs.as_slice() {
            [lang] => super::views(&dataset, lang)?,
            _ => return Err(one_only(args.ids.len(), formats.len(), langs.len())),
        };
        let all = views.briefs();
        let selected: Vec<&BriefEntry> = select(&all, &args.ids)?
            .into_iter()
            .filter(|e| KindArg::selects(&args.kind, e.kind))
            .collect();
        let ([entry], [format]) = (selected.as_slice(), formats.as_slice()) else {
            return Err(one_only(selected.len(), formats.len(), 1));
        };
        let bytes = render(&views, entry, *format, options).map_err(Error::Render)?;
        return super::print_bytes(&bytes);
    }

    let langs = super::languages(&dataset, &args.lang, &dataset.meta.languages)?;
    let formats = FormatArg::resolve(&args.format, default_formats);
    let editions: Vec<(String, Views)> = langs
        .iter()
        .map(|lang| Ok((lang.clone(), super::views(&dataset, lang)?)))
        .collect::<Result<_, Error>>()?;
    let briefs: Vec<Vec<BriefEntry>> = editions.iter().map(|(_, v)| v.briefs()).collect();
    let mut jobs: Vec<Job> = Vec::new();
    for ((lang, views), all) in editions.iter().zip(&briefs) {
        for entry in select(all, &args.ids)?
            .into_iter()
            .filter(|e| KindArg::selects(&args.kind, e.kind))
        {
            for format in &formats {
                jobs.push(Job {
                    lang,
                    views,
                    entry,
                    format: *format,
                });
            }
        }
    }
    // Every target is checked before anything is written: a refusal leaves no partial output.
    for job in &jobs {
        let relative = format!("{}/{}.{}", job.lang, job.entry.stem, job.format.extension());
        check_target(&args.output, &relative)?;
    }
    let rendered = render_all(&jobs, options);
    let mut written = String::new();
    for (job, bytes) in jobs.iter().zip(rendered) {
        let bytes = bytes.map_err(Error::Render)?;
        let relative = format!("{}/{}.{}", job.lang, job.entry.stem, job.format.extension());
        let path = write_atomic(&args.output, &relative, &bytes)?;
        written.push_str(&format!("{}\n", path.display()));
    }
    super::print(&written)
}

/// `-o -` takes one brief, one format, one language.
fn one_only(briefs: usize, formats: usize, langs: usize) -> Error {
    Error::Usage(format!(
        "`-o -` writes one brief in one format and one language to standard output, but {briefs} brief(s), {formats} format(s) and {langs} language(s) are selected; name one id, one --format and one --lang"
    ))
}

/// One file to make.
struct Job<'a> {
    lang: &'a str,
    views: &'a Views<'a>,
    entry: &'a BriefEntry,
    format: Format,
}

/// Renders every job, on as many threads as there are cores: the briefs are independent,
/// and a PDF takes long enough to be worth it. Results come back in the jobs' order.
fn render_all(jobs: &[Job], options: Options) -> Vec<Result<Vec<u8>, RenderError>> {
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
                        let Some(job) = jobs.get(i) else {
                            break;
                        };
                        done.push((i, render(job.views, job.entry, job.format, options)));
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
    let by_id: std::collections::HashMap<&str, &BriefEntry> =
        all.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut seen = std::collections::HashSet::new();
    let mut selected: Vec<&BriefEntry> = Vec::new();
    for id in ids {
        let Some(&entry) = by_id.get(id.as_str()) else {
            let known: Vec<String> = all.iter().map(|e| e.id.clone()).collect();
            return Err(Error::UnknownBrief {
                id: id.clone(),
                suggestion: closest(id, &known).cloned(),
            });
        };
        if seen.insert(entry.id.as_str()) {
            selected.push(entry);
        }
    }
    Ok(selected)
}
