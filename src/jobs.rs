//! Carrying out a plan: every file made on every core, each brief built once for all its
//! formats, and staged as soon as it is made; then, only when every job has succeeded, all
//! put in place, or written to standard output.

mod schedule;

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::Error;
use crate::output::Staging;
use crate::plan::{Job, Output, Plan};
use crate::render::{Format, RenderError};

/// Makes every file of the plan and writes them all, or none.
pub fn run(plan: &Plan) -> Result<(), Error> {
    match &plan.output {
        Output::Stdout => {
            // What goes to standard output is small (one brief); it is kept until the end so
            // that a failure prints nothing.
            let made = Mutex::new(BTreeMap::new());
            make(plan, &|job, files| {
                lock(&made).insert(job, files);
                Ok(())
            })?;
            let files = made.into_inner().unwrap_or_else(|p| p.into_inner());
            crate::output::print_bytes(&files.into_values().flatten().collect::<Vec<_>>().concat())
        }
        Output::Dir(root) => {
            let targets = plan
                .jobs
                .iter()
                .flat_map(|j| j.targets.iter().map(|t| t.path.as_str()));
            let staging = Staging::begin(root, targets)?;
            // The number of each job's first file among all the plan's files.
            let first: Vec<usize> = plan
                .jobs
                .iter()
                .scan(0, |n, j| {
                    let first = *n;
                    *n += j.targets.len();
                    Some(first)
                })
                .collect();
            let progress = progress(plan.jobs.iter().map(|j| j.targets.len()).sum());
            make(plan, &|job, files| {
                progress.inc(files.len() as u64);
                files
                    .iter()
                    .enumerate()
                    .try_for_each(|(k, bytes)| staging.stage(first[job] + k, bytes))
            })?;
            progress.finish_and_clear();
            staging.commit()
        }
    }
}

/// Makes every file of the plan in memory, whatever its output: each path under the output
/// directory with its bytes, in the plan's order. `watch` compares them with what is on disk
/// and writes only those that changed.
pub fn in_memory(plan: &Plan) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let made = Mutex::new(BTreeMap::new());
    make(plan, &|job, files| {
        lock(&made).insert(job, files);
        Ok(())
    })?;
    let made = made.into_inner().unwrap_or_else(|p| p.into_inner());
    Ok(made
        .into_iter()
        .flat_map(|(job, files)| {
            let paths = plan.jobs[job].targets.iter().map(|t| t.path.clone());
            paths.zip(files)
        })
        .collect())
}

/// How many files a render makes before it shows its progress.
const PROGRESS_FROM: usize = 200;

/// A progress bar of the files made, on standard error when it is a terminal and the render
/// makes more than [`PROGRESS_FROM`] files; hidden otherwise, so that nothing but the paths
/// and the diagnostics is ever written when the output goes to a file or a pipe.
fn progress(files: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if files <= PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let style = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files made")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    indicatif::ProgressBar::new(files as u64).with_style(style)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// What is done with the files of a job (its number, its files in the order of its targets)
/// as soon as they are made.
type Keep<'a> = dyn Fn(usize, Vec<Vec<u8>>) -> Result<(), Error> + Sync + 'a;

/// Makes every file of the plan on as many threads as there are cores, and hands each job's
/// files to `keep`: the briefs are independent, and a PDF takes long enough to be worth it.
/// The books' PDFs run at the same time only while their memory fits ([`schedule`]). The
/// first failure stops the work; the error is that of the first job, in the plan's order,
/// that failed. A panic in a format library is a failure too.
fn make(plan: &Plan, keep: &Keep) -> Result<(), Error> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(plan.jobs.len().max(1));
    let weights = plan
        .jobs
        .iter()
        .map(|j| schedule::weight(plan, j))
        .collect();
    let queue = schedule::Queue::new(weights, schedule::budget());
    let stop = AtomicBool::new(false);
    let ended: Vec<(usize, Result<(), Error>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut ended = Vec::new();
                    while !stop.load(Ordering::Relaxed)
                        && let Some(taken) = queue.next()
                    {
                        let i = taken.job;
                        let result = make_job(plan, &plan.jobs[i]).and_then(|f| keep(i, f));
                        stop.fetch_or(result.is_err(), Ordering::Relaxed);
                        ended.push((i, result));
                    }
                    ended
                })
            })
            .collect();
        workers.into_iter().flat_map(join).collect()
    });
    let mut failures: BTreeMap<usize, Error> = BTreeMap::new();
    let mut done = vec![false; plan.jobs.len()];
    for (i, result) in ended {
        match result {
            Ok(()) => done[i] = true,
            Err(e) => {
                failures.insert(i, e);
            }
        }
    }
    if let Some((_, first)) = failures.into_iter().next() {
        return Err(first);
    }
    // A job neither done nor failed: its worker stopped before returning it.
    match done.iter().position(|d| !d) {
        Some(i) => {
            let job = &plan.jobs[i];
            Err(failed(plan, job, first_format(job), lost()))
        }
        None => Ok(()),
    }
}

/// What a job whose worker never returned failed with.
fn lost() -> RenderError {
    RenderError::Panic("the thread rendering it stopped".to_string())
}

/// The format a job's failure is reported under when no single format failed.
fn first_format(job: &Job) -> Format {
    job.targets.first().map_or(Format::Html, |t| t.format)
}

/// The error of `job` failing in `format`.
fn failed(plan: &Plan, job: &Job, format: Format, error: RenderError) -> Error {
    Error::Render {
        brief: job.entry.id.clone(),
        lang: plan.editions[job.edition].lang().to_string(),
        format: format.name(),
        file: job.entry.kind.data_file(&job.entry.id),
        error,
    }
}

/// A worker's results; a worker cannot panic (each job catches its own), but if it did, its
/// jobs are missing and [`make`] fails.
fn join<T>(worker: std::thread::ScopedJoinHandle<'_, Vec<T>>) -> Vec<T> {
    worker.join().unwrap_or_default()
}

/// The files of one job, in the order of its targets.
type Made = Result<Vec<Vec<u8>>, Error>;

/// Builds one brief once and lays it out in each format of the job.
fn make_job(plan: &Plan, job: &Job) -> Made {
    let views = &plan.editions[job.edition];
    let document = catch(|| Ok(views.document(&job.entry, &plan.written[job.edition])))
        .map_err(|e| failed(plan, job, first_format(job), e))?
        .ok_or_else(|| Error::UnknownBrief {
            id: job.entry.id.clone(),
            suggestion: None,
        })?;
    job.targets
        .iter()
        .map(|t| {
            catch(|| {
                injected_panic(&job.entry.id);
                t.format.render(&document, plan.options)
            })
            .map_err(|e| failed(plan, job, t.format, e))
        })
        .collect()
}

/// Debug builds only: `JIHA_INJECT_PANIC=ID` makes the job of the brief `ID` panic, as a bug
/// in a format library would, so that the tests can show what a run does then. A release
/// binary has no such switch.
fn injected_panic(id: &str) {
    if cfg!(debug_assertions) && std::env::var_os("JIHA_INJECT_PANIC").is_some_and(|v| v == id) {
        panic!("a panic injected for `{id}` (JIHA_INJECT_PANIC)");
    }
}

/// Runs `f`, turning a panic into an error: a bug in a format library fails its brief, not
/// the whole process, and the run then writes nothing.
fn catch<T>(f: impl FnOnce() -> Result<T, RenderError>) -> Result<T, RenderError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        Err(RenderError::Panic(message))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_error_of_its_job() {
        let result: Result<(), RenderError> = catch(|| panic!("boom"));
        assert!(matches!(result, Err(RenderError::Panic(m)) if m == "boom"));
        let formatted: Result<(), RenderError> = catch(|| panic!("at {}", 7));
        assert!(matches!(formatted, Err(RenderError::Panic(m)) if m == "at 7"));
        assert!(matches!(catch(|| Ok(3)), Ok(3)));
    }
}
