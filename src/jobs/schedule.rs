//! Which job a worker takes next: in the plan's order, except that the books' PDFs, whose
//! layout takes memory in proportion to the dataset, are laid out at the same time only while
//! their estimates fit in the memory available. Every other job is small and never waits.

use std::sync::{Condvar, Mutex, MutexGuard};

use jiha_data::checked::Dataset;

use crate::plan::{Job, Plan};
use crate::render::Format;
use crate::view::BriefKind;

/// Peak memory of a book's PDF, in bytes, from the French book measured at 110 to 1,000
/// proposals (docs/performance.md), rounded up: a fixed part (fonts, Typst's library) ...
const BOOK_FIXED: u64 = 200 << 20;
/// ... a part per proposal or region (its pages, about 3.2 MiB measured) ...
const BOOK_PER_BRIEF: u64 = 4 << 20;
/// ... and a part per source in the list of sources (about 88 KiB measured).
const BOOK_PER_SOURCE: u64 = 96 << 10;

/// What a job needs, in bytes, beyond what any small brief needs: the estimated peak memory
/// of laying out a book as PDF; zero for every other job.
pub fn weight(plan: &Plan, job: &Job) -> u64 {
    let pdf = job.targets.iter().any(|t| t.format == Format::Pdf);
    if job.entry.kind == BriefKind::Book && pdf {
        book_memory(plan.editions[job.edition].dataset())
    } else {
        0
    }
}

/// The estimated peak memory of one book's PDF: linear in what it prints.
pub fn book_memory(dataset: &Dataset) -> u64 {
    let briefs = dataset.proposals().len() + dataset.territories().regions.len();
    BOOK_FIXED + BOOK_PER_BRIEF * briefs as u64 + BOOK_PER_SOURCE * dataset.sources().len() as u64
}

/// The memory the heavy jobs may take together: half of what the system reports available
/// when the render starts (the rest is for the small jobs, the files made, and others), or
/// nothing when it cannot be read, so that books are then laid out one at a time.
pub fn budget() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| available(&info))
        .map_or(0, |bytes| bytes / 2)
}

/// `MemAvailable` of a `/proc/meminfo`, in bytes.
fn available(meminfo: &str) -> Option<u64> {
    let line = meminfo.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The job to take next, as an index into `pending` (the weights of the jobs not yet
/// started, in the plan's order), given the weight of the jobs running and the budget; `None`
/// if every pending job must wait for a running one to finish. A job of weight zero never
/// waits; a heavy job starts when it fits in the budget beside the running ones, or when no
/// other heavy job runs (one alone may exceed the budget: it has to be laid out anyway).
pub fn pick(pending: &[u64], running: u64, budget: u64) -> Option<usize> {
    pending
        .iter()
        .position(|&w| w == 0 || running == 0 || running.saturating_add(w) <= budget)
}

/// The jobs not yet started, shared by the workers.
#[derive(Debug)]
pub struct Queue {
    state: Mutex<State>,
    finished: Condvar,
}

#[derive(Debug)]
struct State {
    /// `(job, weight)` of every job not yet started, in the plan's order.
    pending: Vec<(usize, u64)>,
    /// The total weight of the jobs running.
    running: u64,
    budget: u64,
}

impl Queue {
    /// The queue of jobs of `weights` (one per job, in order), with `budget` for the heavy
    /// ones together.
    pub fn new(weights: Vec<u64>, budget: u64) -> Queue {
        Queue {
            state: Mutex::new(State {
                pending: weights.into_iter().enumerate().collect(),
                running: 0,
                budget,
            }),
            finished: Condvar::new(),
        }
    }

    /// The next job to run, waiting while only heavy jobs that do not fit are left; `None`
    /// once every job has started. The job's share is freed when its [`Taken`] is dropped,
    /// even by a worker that panics.
    pub fn next(&self) -> Option<Taken<'_>> {
        let mut state = self.lock();
        loop {
            if state.pending.is_empty() {
                return None;
            }
            let weights: Vec<u64> = state.pending.iter().map(|&(_, w)| w).collect();
            if let Some(at) = pick(&weights, state.running, state.budget) {
                let (job, weight) = state.pending.remove(at);
                state.running += weight;
                return Some(Taken {
                    queue: self,
                    job,
                    weight,
                });
            }
            state = self
                .finished
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    /// Records that a job of `weight` has finished (or failed), freeing its share.
    fn done(&self, weight: u64) {
        if weight > 0 {
            let mut state = self.lock();
            state.running = state.running.saturating_sub(weight);
            drop(state);
            self.finished.notify_all();
        }
    }

    /// The state; a worker that panicked while holding it left it consistent (it only
    /// panics outside the lock), so a poisoned lock is used as it is.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A job taken from a [`Queue`], running until this is dropped.
#[derive(Debug)]
pub struct Taken<'q> {
    queue: &'q Queue,
    /// The job's index in the plan.
    pub job: usize,
    /// Its weight ([`weight`]).
    pub weight: u64,
}

impl Drop for Taken<'_> {
    fn drop(&mut self) {
        self.queue.done(self.weight);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GB: u64 = 1 << 30;

    #[test]
    fn small_jobs_never_wait() {
        assert_eq!(pick(&[0, 0], 0, 0), Some(0));
        assert_eq!(pick(&[0], 100 * GB, GB), Some(0));
    }

    #[test]
    fn a_second_book_waits_when_both_do_not_fit() {
        // The French book runs (1.5 GB) with 2 GB for the books: the English one (1.5 GB)
        // waits, and the small briefs after it go first.
        assert_eq!(pick(&[3 * GB / 2, 0, 0], 3 * GB / 2, 2 * GB), Some(1));
        // Only books are left: the worker waits.
        assert_eq!(pick(&[3 * GB / 2, 3 * GB / 2], 3 * GB / 2, 2 * GB), None);
        // With memory to spare, the two run at once.
        assert_eq!(pick(&[3 * GB / 2], 3 * GB / 2, 8 * GB), Some(0));
    }

    #[test]
    fn a_book_larger_than_the_budget_runs_alone() {
        assert_eq!(pick(&[5 * GB, 0], 0, GB), Some(0));
        assert_eq!(pick(&[5 * GB, 0], 5 * GB, GB), Some(1));
        assert_eq!(pick(&[5 * GB], 5 * GB, 0), None);
    }

    /// The real dataset's books are small enough to be laid out together on any machine;
    /// only the books' PDFs weigh anything.
    #[test]
    fn only_the_books_pdfs_are_heavy() {
        use crate::plan::{Output, Request};
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let (dataset, _) = crate::dataset::load(crate::dataset::Source::Dir(&data)).expect("data");
        let request = Request {
            output: Output::Dir("briefs".into()),
            ids: &[],
            kinds: &[],
            formats: vec![Format::Html, Format::Pdf],
            langs: &[],
            regions: &[],
            briefs: &[],
            options: crate::render::Options {
                width: 80,
                style: None,
            },
        };
        let plan = Plan::new(&dataset, &request).expect("plan");
        let heavy: Vec<(BriefKind, u64)> = plan
            .jobs
            .iter()
            .map(|j| (j.entry.kind, weight(&plan, j)))
            .filter(|&(_, w)| w > 0)
            .collect();
        assert_eq!(heavy.len(), 3, "one book per language: {heavy:?}");
        assert!(
            heavy
                .iter()
                .all(|&(k, w)| k == BriefKind::Book && w < 512 << 20)
        );
        let books: Vec<u64> = heavy.iter().map(|&(_, w)| w).collect();
        assert_eq!(pick(&books, books[0], 2 * GB), Some(0));
    }

    /// The estimate grows with what the book prints: 1,000 proposals of 20 sources each
    /// (4.95 GiB measured) are estimated above what was measured.
    #[test]
    fn the_estimate_covers_the_largest_book_measured() {
        let estimate = BOOK_FIXED + BOOK_PER_BRIEF * 1_012 + BOOK_PER_SOURCE * 20_013;
        assert!(estimate > 4_950 << 20, "{estimate}");
    }

    #[test]
    fn available_memory_is_read_from_meminfo() {
        let info = "MemTotal:       24000000 kB\nMemFree:         1000000 kB\nMemAvailable:   22000000 kB\n";
        assert_eq!(available(info), Some(22_000_000 * 1024));
        assert_eq!(available("MemTotal: 1 kB\n"), None);
    }

    /// Four workers take twelve jobs, three of them books that do not fit two at a time: at
    /// no moment do two books run together, and every job is taken exactly once.
    #[test]
    fn books_that_do_not_fit_together_run_one_at_a_time() {
        let weights = vec![0, 0, 0, 3 * GB, 0, 0, 0, 3 * GB, 0, 0, 0, 3 * GB];
        let queue = Queue::new(weights.clone(), 4 * GB);
        let books = std::sync::atomic::AtomicUsize::new(0);
        let most = std::sync::atomic::AtomicUsize::new(0);
        let started = Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    use std::sync::atomic::Ordering::SeqCst;
                    while let Some(taken) = queue.next() {
                        if taken.weight > 0 {
                            let now = books.fetch_add(1, SeqCst) + 1;
                            most.fetch_max(now, SeqCst);
                            std::thread::yield_now();
                            books.fetch_sub(1, SeqCst);
                        }
                        started.lock().expect("not poisoned").push(taken.job);
                    }
                });
            }
        });
        assert_eq!(most.into_inner(), 1);
        let mut started = started.into_inner().expect("not poisoned");
        started.sort_unstable();
        assert_eq!(started, (0..weights.len()).collect::<Vec<_>>());
    }
}
