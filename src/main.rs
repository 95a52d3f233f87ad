//! jiha: printable briefs on Morocco's advanced regionalisation, from a checked dataset.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = jiha::cli::Cli::parse();
    match jiha::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(err.exit_code())
        }
    }
}
