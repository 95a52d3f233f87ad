//! jiha: printable briefs on Morocco's advanced regionalisation, from a checked dataset.

#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use include_dir::{Dir, include_dir};

/// Typst allocates a great deal from several threads; mimalloc makes the PDFs faster than the
/// system allocator does (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `data/` as it was at build time, which `build.rs` has checked. It is embedded here rather
/// than in the library so that a data edit recompiles only this small crate.
static DATA: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/data");

fn main() -> ExitCode {
    let cli = jiha::cli::Cli::parse();
    match jiha::cmd::run(cli, &DATA) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            jiha::output::eprint(&format!("{err}\n"));
            ExitCode::from(err.exit_code())
        }
    }
}
