//! jiha: printable briefs on Morocco's advanced regionalisation, from a checked dataset.

mod check;
mod cli;
mod cmd;
mod dataset;
mod diagnostic;
mod error;
mod format;
mod glyphs;
mod graphics;
mod model;
mod output;
mod render;
mod ronspan;
mod view;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(err.exit_code())
        }
    }
}
