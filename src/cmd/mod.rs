//! One module per subcommand.

mod check;
mod export;
mod help;
mod list;
mod narrow;
mod new;
mod open_data;
mod render;
mod show;
mod translations;
mod watch;

use std::path::Path;

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
        Command::New(args) => new::run(cli.data.as_deref().unwrap_or(Path::new("data")), &args),
        Command::Export(args) => open_data::run(data, &args),
        Command::ExportStyle(args) => export::style(data, &args),
        Command::Help(args) => help::help(args.topic.as_deref()),
        Command::Completions(args) => help::completions(args.shell),
        Command::Man => help::man(),
        Command::Watch(args) => watch::run(cli.data.as_deref().unwrap_or("data".as_ref()), &args),
        Command::Translations(command) => translations::run(data, command),
    }
}

/// Writes a report's warnings to standard error as each is rendered, without building the
/// whole report first. A closed or full standard error loses them but does not stop the
/// command.
fn warn_report(report: &jiha_data::check::Report) {
    use std::io::Write;
    struct Stderr<'a>(std::io::StderrLock<'a>);
    impl std::fmt::Write for Stderr<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write_all(s.as_bytes()).map_err(|_| std::fmt::Error)
        }
    }
    let _ = report.write_to(&mut Stderr(std::io::stderr().lock()));
}
