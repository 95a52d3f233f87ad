//! jiha: printable briefs on Morocco's advanced regionalisation, from a checked dataset.
//!
//! The data flows one way: RON files -> [`model`] (parse) -> [`check`] (rules) -> [`view`]
//! (what each brief shows, in one language) -> [`render`] (one module per format) -> files.
//! The binary (`src/main.rs`) only turns the command line's result into an exit code; the
//! library is what the benchmarks and the binary share.

pub mod check;
pub mod cli;
pub mod cmd;
pub mod dataset;
pub mod diagnostic;
pub mod error;
pub mod format;
pub mod glyphs;
pub mod graphics;
pub mod model;
pub mod output;
pub mod render;
pub mod ronspan;
pub mod view;
