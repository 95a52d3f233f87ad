//! `jiha help`, `jiha completions` and `jiha man`: what the binary says of itself, from the
//! clap definition (`crate::cli`) and the field reference, compiled in.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;

/// `docs/data-format.md`: the reference of the dataset's files and fields.
const DATA_FORMAT: &str = include_str!("../../docs/data-format.md");

/// The topic that prints [`DATA_FORMAT`].
const DATA_FORMAT_TOPIC: &str = "data-format";

/// `jiha help [TOPIC]`: the long help of the program or of one command, or the data format.
pub fn help(topic: Option<&str>) -> Result<(), Error> {
    let mut cli = Cli::command();
    cli.build();
    let text = match topic {
        None => cli.render_long_help(),
        Some(DATA_FORMAT_TOPIC) => return crate::output::print(DATA_FORMAT),
        Some(name) => match cli.find_subcommand_mut(name) {
            Some(command) => command.render_long_help(),
            None => {
                let commands: Vec<String> = Cli::command()
                    .get_subcommands()
                    .map(|c| format!("`{}`", c.get_name()))
                    .collect();
                return Err(Error::Usage(format!(
                    "no help on `{name}`: ask for one of {}, or `{DATA_FORMAT_TOPIC}`",
                    commands.join(", ")
                )));
            }
        },
    };
    crate::output::print(&text.to_string())
}

/// `jiha completions SHELL`: the shell's completion script.
pub fn completions(shell: clap_complete::Shell) -> Result<(), Error> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "jiha", &mut script);
    crate::output::print_bytes(&script)
}

/// `jiha man`: the manual page, in roff.
pub fn man() -> Result<(), Error> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Error::io("<manual page>", e))?;
    crate::output::print_bytes(&page)
}
