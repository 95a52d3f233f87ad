//! `jiha watch`: the dataset checked and the briefs rendered again on every save. Each update
//! renders the briefs asked for in memory and writes only the files whose bytes changed, all
//! or none; a save that breaks the dataset prints its errors and leaves the output as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::cli::WatchArgs;
use crate::dataset::Source;
use crate::error::Error;
use crate::output::eprint;
use crate::plan::{Output, Plan, Request};
use crate::render::{Format, Options};
use crate::serve::Live;
use jiha_data::check::{LABELS_DIR, PROPOSALS_DIR, PROVINCES_DIR};

/// How long the dataset must stay quiet after a change before it is read: an editor's save
/// (a temporary written, renamed, its backup removed) and a burst of saves are one update.
const QUIET: Duration = Duration::from_millis(200);
/// How often a vanished dataset directory is looked for again.
const LOOK_AGAIN: Duration = Duration::from_secs(1);

/// The watch: where it reads and writes, and what it renders.
struct Watch<'a> {
    data: &'a Path,
    args: &'a WatchArgs,
    live: Arc<Live>,
}

pub fn run(data: &Path, args: &WatchArgs) -> Result<(), Error> {
    // Before anything, so that the dataset is known to be there.
    crate::dataset::files(Source::Dir(data))?;
    crate::output::end_on_interrupt();
    let watch = Watch {
        data,
        args,
        live: Arc::new(Live::default()),
    };
    let formats = watch.formats();
    if formats.contains(&Format::Pdf) {
        crate::render::typst::prepare();
    }
    let (sender, events) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(sender).map_err(|e| watch_error(data, e))?;
    watcher
        .watch(data, RecursiveMode::Recursive)
        .map_err(|e| watch_error(data, e))?;
    if watch.args.serve {
        let root = watch.args.output.clone();
        let address = crate::serve::start(root, watch.args.port, Arc::clone(&watch.live))?;
        crate::output::print(&format!("serving http://{address}/\n"))?;
    }
    eprint(&format!(
        "jiha: watching {} (Ctrl-C to stop)\n",
        crate::error::shown(data)
    ));
    watch.update()?;
    watch.wait(&events, &mut watcher);
    Ok(())
}

impl Watch<'_> {
    /// The formats asked for, html without `--format`.
    fn formats(&self) -> Vec<Format> {
        let formats: Vec<Format> = self.args.format.iter().flatten().copied().collect();
        if formats.is_empty() {
            vec![Format::Html]
        } else {
            formats
        }
    }

    /// Updates after each quiet change, until the process is interrupted (the interruption
    /// handler ends it) or the watcher stops.
    fn wait(&self, events: &Receiver<notify::Result<notify::Event>>, watcher: &mut impl Watcher) {
        let mut gone = false;
        loop {
            let event = events.recv_timeout(LOOK_AGAIN);
            let changed = match event {
                Ok(event) => self.concerns(event),
                Err(RecvTimeoutError::Timeout) => false,
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if gone {
                // The directory came back: watch it again, and read it.
                if self.data.is_dir() && watcher.watch(self.data, RecursiveMode::Recursive).is_ok()
                {
                    gone = false;
                    eprint(&format!(
                        "jiha: {} is back\n",
                        crate::error::shown(self.data)
                    ));
                    self.update_again();
                }
                continue;
            }
            if !changed {
                continue;
            }
            // Coalesce: wait until no event has come for QUIET.
            while let Ok(event) = events.recv_timeout(QUIET) {
                let _ = self.concerns(event);
            }
            if !self.data.is_dir() {
                gone = true;
                let _ = watcher.unwatch(self.data);
                self.broken(&format!(
                    "error: the dataset directory `{}` is gone; waiting for it to come back\n",
                    crate::error::shown(self.data)
                ));
                continue;
            }
            self.update_again();
        }
    }

    /// Whether an event may change the dataset: a change, not a read, of a path that
    /// [`may_change`] the dataset. A watcher's error is printed, and taken as a change.
    fn concerns(&self, event: notify::Result<notify::Event>) -> bool {
        let event = match event {
            Ok(event) => event,
            Err(e) => {
                let data = crate::error::shown(self.data);
                eprint(&format!("warning: watching {data}: {e}\n"));
                return true;
            }
        };
        // Reading a file is no change: the update itself reads every file of the dataset.
        let read =
            matches!(event.kind, EventKind::Access(a) if a != AccessKind::Close(AccessMode::Write));
        event.need_rescan() || !read && event.paths.iter().any(|p| may_change(p, self.data))
    }

    /// Checks the dataset and renders it, writing the files that changed. A broken dataset
    /// and a failed render are printed and leave the output as it was; a mistake in the
    /// command line (a language the dataset does not have) is returned: on the first update,
    /// it stops the watch.
    fn update(&self) -> Result<(), Error> {
        match self.render() {
            Ok(written) => {
                self.live.update(written > 0, None);
                let summary = match written {
                    0 => "jiha: checked; no file changed\n".to_string(),
                    n => format!("jiha: checked; {n} file(s) written\n"),
                };
                eprint(&summary);
                Ok(())
            }
            Err(e @ (Error::UnknownLanguage { .. } | Error::Usage(_))) => Err(e),
            Err(e) => {
                self.broken(&format!("{e}\n"));
                Ok(())
            }
        }
    }

    /// An update after a save: a mistake of the command line that the dataset now shows (a
    /// language it no longer has) is printed as a broken save is, and the watch goes on.
    fn update_again(&self) {
        if let Err(e) = self.update() {
            self.broken(&format!("{e}\n"));
        }
    }

    /// Prints what keeps the dataset from rendering, and shows it in the served pages.
    fn broken(&self, errors: &str) {
        eprint(errors);
        eprint("jiha: the output is left as it was; waiting for the next save\n");
        self.live.update(false, Some(errors.to_string()));
    }

    /// Renders the briefs asked for in memory and writes those whose bytes differ from the
    /// files on disk; returns how many it wrote.
    fn render(&self) -> Result<usize, Error> {
        let (dataset, report) = crate::dataset::load(Source::Dir(self.data))?;
        super::warn_report(&report);
        let request = Request {
            output: Output::Dir(self.args.output.clone()),
            ids: &[],
            kinds: &self.args.kind,
            formats: self.formats(),
            langs: &self.args.lang,
            regions: &[],
            briefs: &[],
            options: Options {
                width: self.args.width,
                style: None,
            },
        };
        let plan = Plan::new(&dataset, &request)?;
        let made = crate::jobs::in_memory(&plan)?;
        let root = &self.args.output;
        let changed: Vec<(&str, &[u8])> = made
            .iter()
            .filter(|(path, bytes)| std::fs::read(root.join(path)).ok().as_deref() != Some(bytes))
            .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
            .collect();
        if !changed.is_empty() {
            crate::output::write_all(root, changed.iter().copied())?;
        }
        Ok(changed.len())
    }
}

/// Whether a change to `path` may change the dataset in `data`: a `.ron` file (not an
/// editor's hidden swap or lock file), one of the dataset's folders, or the dataset's
/// directory itself. An editor's `4913`, `x.swp` or `x~` is none of these.
fn may_change(path: &Path, data: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let ron = path.extension().is_some_and(|e| e == "ron") && !name.starts_with('.');
    let folder = [PROPOSALS_DIR, LABELS_DIR, PROVINCES_DIR].contains(&name)
        && path.parent().is_some_and(|p| same_place(p, data));
    ron || folder || same_place(path, data)
}

/// Whether two paths name the same place, whichever way they are written (`data` and
/// `/abs/data`): the watcher reports absolute paths.
fn same_place(a: &Path, b: &Path) -> bool {
    let absolute = |p: &Path| -> PathBuf { std::path::absolute(p).unwrap_or_else(|_| p.into()) };
    absolute(a) == absolute(b)
}

fn watch_error(data: &Path, error: notify::Error) -> Error {
    Error::io(data, std::io::Error::other(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::may_change;
    use std::path::Path;

    #[test]
    fn only_the_dataset_files_and_folders_are_changes() {
        let data = Path::new("my-data");
        for changed in [
            "my-data",
            "my-data/dataset.ron",
            "my-data/proposals",
            "my-data/proposals/programme-spark.ron",
            "my-data/labels/fr.ron",
        ] {
            assert!(may_change(Path::new(changed), data), "{changed}");
        }
        let absolute = std::path::absolute("my-data/proposals").expect("absolute");
        assert!(may_change(&absolute, data));
        for ignored in [
            "my-data/proposals/4913",
            "my-data/proposals/.programme-spark.ron.swp",
            "my-data/proposals/programme-spark.ron~",
            "my-data/proposals/.#programme-spark.ron",
            "my-data/notes.txt",
            "my-data/proposals/proposals",
        ] {
            assert!(!may_change(Path::new(ignored), data), "{ignored}");
        }
    }
}
