//! Checks `data/` with the rules the binary uses, so that what is embedded is known to be
//! valid: any error fails the build, each shown with its file, line, column and a caret.

#[allow(dead_code)]
#[path = "src/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "src/diagnostic.rs"]
mod diagnostic;
#[allow(dead_code)]
#[path = "src/glyphs.rs"]
mod glyphs;
#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/ronspan.rs"]
mod ronspan;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=src/check.rs");
    println!("cargo::rerun-if-changed=src/diagnostic.rs");
    println!("cargo::rerun-if-changed=src/model.rs");
    println!("cargo::rerun-if-changed=src/ronspan.rs");
    println!("cargo::rerun-if-changed=src/glyphs.rs");
    println!("cargo::rerun-if-changed=assets/fonts");

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
                let at = report
                    .text(&diagnostic.file)
                    .and_then(|t| diagnostic.line_col(t))
                    .map(|(l, c)| format!(":{l}:{c}"))
                    .unwrap_or_default();
                println!(
                    "cargo::warning={}{at}: {}",
                    diagnostic.file, diagnostic.message
                );
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
