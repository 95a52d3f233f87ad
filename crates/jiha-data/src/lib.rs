//! jiha's dataset: its types, its loading from RON, and the rules that check it.
//!
//! The types are in [`model`], the position of every value in [`ronspan`], the rules in
//! [`check`], the references a text may make to the data in [`cite`], each finding ([`check::finding`]) located in its file ([`check::diagnostic`]). What `check`
//! hands on, every reference resolved, is in [`checked`]. The build
//! script runs it on `data/`, the binary on the embedded copy and on `--data DIR`; nothing
//! here knows how a brief is rendered.

#![forbid(unsafe_code)]

pub mod check;
pub mod checked;
pub mod cite;
pub mod escape;
pub mod glyphs;
pub mod model;
pub mod ronspan;
pub mod translations;

pub use check::{diagnostic, finding};
