//! A house style of the user's own (`render --style DIR`): a stylesheet added after the
//! built-in one in every HTML brief, and a Typst preamble added after the built-in one in
//! every Typst source and PDF, and a logo drawn on the book's cover. `jiha export-style DIR`
//! writes the built-in stylesheet and preamble to start from.

use std::path::{Path, PathBuf};

use crate::error::Error;

/// The stylesheet's file in a style directory.
pub const CSS_FILE: &str = "style.css";
/// The Typst preamble's file in a style directory.
pub const TYPST_FILE: &str = "preamble.typ";
/// The logo's file in a style directory.
pub const LOGO_FILE: &str = "logo.svg";

/// What `--style DIR` adds to the built-in style; empty without it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Style {
    /// CSS, after the built-in stylesheet, inside the page's `<style>` element.
    pub css: String,
    /// Typst, after the built-in preamble and before the brief.
    pub typst: String,
    /// The logo drawn on the book's cover, in HTML and PDF.
    pub logo: Option<Logo>,
}

/// Nothing added to the built-in style.
pub static BUILT_IN: Style = Style {
    css: String::new(),
    typst: String::new(),
    logo: None,
};

/// A logo: an SVG drawing that loads and runs nothing ([`super::logo`] checks it), and the
/// text that stands for it where it cannot be seen (its `<title>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub svg: String,
    pub title: String,
}

impl Style {
    /// Reads `DIR/style.css`, `DIR/preamble.typ` and `DIR/logo.svg`; any may be missing, not
    /// all three.
    pub fn load(dir: &Path) -> Result<Style, Error> {
        let read = |name: &str| -> Result<Option<(PathBuf, String)>, Error> {
            let path = dir.join(name);
            let bytes = match std::fs::read(&path) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                Err(e) => return Err(Error::io(&path, e)),
            };
            match String::from_utf8(bytes) {
                Ok(text) => Ok(Some((path, text))),
                Err(e) => {
                    let line = line_of(e.as_bytes(), e.utf8_error().valid_up_to());
                    Err(bad(&path, line, "is not UTF-8 text"))
                }
            }
        };
        let (css, typst, logo) = (read(CSS_FILE)?, read(TYPST_FILE)?, read(LOGO_FILE)?);
        if css.is_none() && typst.is_none() && logo.is_none() {
            return Err(Error::Style(format!(
                "--style `{}` holds none of `{CSS_FILE}`, `{TYPST_FILE}` and `{LOGO_FILE}`\nhelp: `jiha export-style DIR` writes the first two, to start from",
                dir.display()
            )));
        }
        if let Some((path, css)) = &css {
            check_css(path, css)?;
        }
        let logo = match logo {
            Some((path, svg)) => {
                Some(super::logo::check(&svg).map_err(|(line, why)| bad(&path, line, &why))?)
            }
            None => None,
        };
        Ok(Style {
            css: css.map(|(_, text)| text).unwrap_or_default(),
            typst: typst.map(|(_, text)| text).unwrap_or_default(),
            logo,
        })
    }
}

/// The stylesheet stays a stylesheet: nothing in it may end the `<style>` element, and it
/// loads nothing (the page's Content-Security-Policy would block it anyway, silently).
fn check_css(path: &Path, css: &str) -> Result<(), Error> {
    let lower = css.to_ascii_lowercase();
    let refused = [
        (
            "</style",
            "would end the page's stylesheet and start markup",
        ),
        (
            "@import",
            "would load another stylesheet: a brief loads nothing from outside itself",
        ),
        (
            "url(",
            "would load a file: a brief loads nothing from outside itself (fonts and images are embedded)",
        ),
    ];
    for (what, why) in refused {
        if let Some(at) = lower.find(what) {
            let line = line_of(css.as_bytes(), at);
            return Err(bad(path, line, &format!("`{what}` {why}")));
        }
    }
    Ok(())
}

/// The 1-based line of byte `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn bad(path: &Path, line: usize, why: &str) -> Error {
    Error::Style(format!("{}:{line}: {why}", path.display()))
}
