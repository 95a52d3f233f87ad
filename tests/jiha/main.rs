//! jiha's integration tests: one binary, one module per feature.

mod arabic;
mod books;
mod census;
mod cites;
mod cli;
mod content;
mod corpus;
mod data_files;
mod drawing_layout;
mod faults;
mod formats;
mod frame;
mod graphics;
mod hostile;
mod html;
mod languages;
mod layout;
mod output;
mod print;
mod provinces;
mod snapshot;
mod style;
mod support;
mod translations;
mod voices;
