//! jiha's dataset: its types ([`model`]), its loading from RON files with the position of
//! every value ([`ronspan`]), and the rules that check it ([`check`]), each finding located
//! in its file ([`diagnostic`]). The build script runs it on `data/`, the binary on the
//! embedded copy and on `--data DIR`; nothing here knows how a brief is rendered.

pub mod check;
pub mod diagnostic;
pub mod finding;
pub mod glyphs;
pub mod model;
pub mod ronspan;
