//! Checks `data/` with the rules the binary uses (the `jiha-data` crate), so that what is
//! embedded is known to be valid: any error fails the build, each shown with its file, line,
//! column and a caret.

use std::path::Path;
use std::process::ExitCode;

use jiha_data::{check, glyphs};

fn main() -> ExitCode {
    // The rules are a build-dependency: cargo reruns this script when they change. Only the
    // data needs naming.
    println!("cargo::rerun-if-changed=data");

    let files = match check::read_dir(Path::new("data"), "data") {
        Ok(files) => files,
        Err(err) => {
            eprintln!("error: cannot read the dataset in `data/`: {err}");
            return ExitCode::FAILURE;
        }
    };
    let coverage = glyphs::Coverage::of(&glyphs::pdf_fonts());
    match check::load("data", files, &coverage) {
        Ok((_, report)) => {
            for diagnostic in &report.diagnostics {
                // One warning line per finding; the full excerpt is in `jiha check`.
                let at = report.location(&diagnostic.file, diagnostic.span.as_ref());
                println!("cargo::warning={at}: {}", diagnostic.message());
            }
            ExitCode::SUCCESS
        }
        Err(report) => {
            eprint!("{}", report.render());
            eprintln!(
                "error: the dataset in `data/` is invalid ({})",
                report.summary()
            );
            ExitCode::FAILURE
        }
    }
}
