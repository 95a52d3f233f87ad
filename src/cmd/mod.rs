//! One module per subcommand.

mod check;
mod export;
mod list;
mod render;
mod show;

use std::io::Write;

use crate::cli::{Cli, Command};
use crate::error::Error;

/// Runs the command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    let data = cli.data.as_deref();
    match cli.command {
        Command::List => list::run(data),
        Command::Show(args) => show::run(data, &args),
        Command::Render(args) => render::run(data, &args),
        Command::Check => check::run(data),
        Command::ExportData(args) => export::run(data, &args),
    }
}

/// Writes to standard output. A closed pipe (`jiha list | head -1`) is not an error: the
/// reader has what it wanted.
fn print(text: &str) -> Result<(), Error> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("<stdout>", e)),
        _ => Ok(()),
    }
}
