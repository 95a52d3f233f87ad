//! jiha: printable briefs on Morocco's advanced regionalisation, from a checked dataset.
//!
//! The data flows one way: RON files -> `jiha_data` (parse and check) -> [`view`]
//! (what each brief shows, in one language) -> [`render`] (one module per format) -> files.
//! The binary (`src/main.rs`) only turns the command line's result into an exit code; the
//! library is what the benchmarks and the binary share.

#![forbid(unsafe_code)]

pub mod cli;
pub mod cmd;
pub mod dataset;
pub mod error;
pub mod format;
pub mod graphics;
pub mod jobs;
pub mod output;
pub mod plan;
pub mod render;
pub mod serve;
pub mod view;
