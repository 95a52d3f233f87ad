//! jiha's integration tests: one binary, one module per feature.

mod check;
mod cli;
mod html;
mod support;
