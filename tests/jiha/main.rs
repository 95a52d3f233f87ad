//! jiha's integration tests: one binary, one module per feature.

mod check;
mod cli;
mod content;
mod formats;
mod html;
mod support;
