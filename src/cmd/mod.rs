//! One module per subcommand.

mod check;
mod export;
mod list;
mod render;
mod show;

use include_dir::Dir;

use crate::cli::{Cli, Command};
use crate::dataset::Source;
use crate::error::Error;

/// Runs the command line on `--data`, or else on the dataset the binary embeds.
pub fn run(cli: Cli, embedded: &'static Dir<'static>) -> Result<(), Error> {
    let data = match cli.data.as_deref() {
        Some(dir) => Source::Dir(dir),
        None => Source::Embedded(embedded),
    };
    match cli.command {
        Command::List(args) => list::run(data, &args),
        Command::Show(args) => show::run(data, &args),
        Command::Render(args) => render::run(data, &args),
        Command::Check(args) => check::run(data, &args),
        Command::ExportData(args) => export::run(data, &args),
    }
}

/// Writes the dataset's warnings to standard error. A closed or full standard error loses
/// them but does not stop the command.
fn warn(text: &str) {
    crate::output::eprint(text);
}
