//! Carrying out a plan: every file made in memory first, on every core, each brief built
//! once for all its formats; then, only when every job has succeeded, written in place or
//! to standard output.

mod schedule;

use crate::error::Error;
use crate::plan::{Job, Output, Plan};
use crate::render::{Format, RenderError};

/// Makes every file of the plan, then writes them all.
pub fn run(plan: &Plan) -> Result<(), Error> {
    write(plan, make(plan)?)
}

/// Writes what the plan made: to standard output, or every file in place, all or none.
fn write(plan: &Plan, files: Vec<Vec<u8>>) -> Result<(), Error> {
    let root = match &plan.output {
        Output::Stdout => return crate::output::print_bytes(&files.concat()),
        Output::Dir(root) => root,
    };
    let targets = plan
        .jobs
        .iter()
        .flat_map(|j| j.targets.iter().map(|t| t.path.as_str()));
    crate::output::write_all(root, targets.zip(files.iter().map(Vec::as_slice)))
}

/// Makes every file of the plan, in the order of its jobs and targets, on as many threads as
/// there are cores: the briefs are independent, and a PDF takes long enough to be worth it.
/// The books' PDFs run at the same time only while their memory fits ([`schedule`]).
/// The first failure, in that order, is the error; a panic in a format library is one too.
fn make(plan: &Plan) -> Result<Vec<Vec<u8>>, Error> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(plan.jobs.len().max(1));
    let weights = plan
        .jobs
        .iter()
        .map(|j| schedule::weight(plan, j))
        .collect();
    let queue = schedule::Queue::new(weights, schedule::budget());
    let mut results: Vec<(usize, Made)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while let Some(taken) = queue.next() {
                        let i = taken.job;
                        done.push((i, make_job(plan, &plan.jobs[i])));
                    }
                    done
                })
            })
            .collect();
        workers.into_iter().flat_map(join).collect()
    });
    results.sort_by_key(|(i, _)| *i);
    let mut results = results.into_iter().peekable();
    let mut files = Vec::with_capacity(plan.files());
    for (i, job) in plan.jobs.iter().enumerate() {
        match results.next_if(|(done, _)| *done == i) {
            Some((_, result)) => files.extend(result?),
            // Its worker stopped before returning it: the job failed, and nothing is written.
            None => return Err(failed(plan, job, first_format(job), lost())),
        }
    }
    Ok(files)
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
