//! Interruptions: SIGINT (Ctrl-C), SIGTERM and SIGHUP roll back what is staged, then end the
//! process with the signal's usual exit code (128 + its number).

use super::{Pending, eprint, pending, roll_back};

/// From now on, an interruption removes the files this process has staged and the
/// directories it created, then exits. If a commit is under way, it waits for it to end: the
/// output directory is then complete. Before this is called, nothing is on disk, and an
/// interruption ends the process at once, as usual. Without a way to catch signals (not Unix),
/// the default behaviour stays.
pub(super) fn on_interrupt_roll_back() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(catch_interruptions);
}

fn catch_interruptions() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            // Nothing can be caught; the default behaviour (ending at once) stays.
            return;
        };
        let spawned = std::thread::Builder::new()
            .name("jiha-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // The lock is never released: the process ends holding it, so no other
                    // thread can stage or commit a file in the meantime.
                    let mut pending = pending();
                    eprint(&interrupted(&pending));
                    roll_back(&mut pending);
                    std::process::exit(128 + signal);
                }
            });
        // Without the thread nothing can be caught either; the default behaviour stays.
        drop(spawned);
    }
}

/// What the interruption leaves, in words.
fn interrupted(pending: &Pending) -> String {
    if pending.committed {
        "jiha: interrupted after every file was written\n".to_string()
    } else {
        "jiha: interrupted; nothing was written\n".to_string()
    }
}
