//! The PDF's fonts in the HTML: one `@font-face` rule per face a document uses, its font cut
//! down to the characters the document shows and inlined as a data URL, so that the page and
//! the PDF read in the same typefaces without loading anything.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;
use std::sync::{Arc, LazyLock, Mutex};

use super::subset::{self, Substitutions};
use crate::render::RenderError;

/// The font stacks, in the order the PDF's preamble sets them: Latin editions in Libertinus
/// Serif, Arabic in Amiri, each falling back on the other. CSS reads them as
/// `var(--latin)` and `var(--arabic)`; the system's fonts follow for text outside the dataset.
const LATIN: [&str; 2] = ["Libertinus Serif", "Amiri"];
const ARABIC: [&str; 2] = ["Amiri", "Libertinus Serif"];
const LATIN_FALLBACK: &str = "Georgia, \"DejaVu Serif\", serif";
const ARABIC_FALLBACK: &str = "\"Noto Naskh Arabic\", \"Noto Sans Arabic\", \"DejaVu Sans\", serif";

/// Characters the browser draws that are not in the page's text: page numbers and list
/// numbers, the hyphen it breaks words with.
const GENERATED: &str = " /.0123456789-\u{2010}";

/// One face of a PDF font, as CSS names it.
struct Face {
    face: ttf_parser::Face<'static>,
    family: String,
    weight: u16,
    italic: bool,
    data: &'static [u8],
    substitutions: Substitutions,
}

impl Face {
    fn read(data: &'static [u8]) -> Option<Face> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let family = face
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
            .and_then(|n| n.to_string())?;
        Some(Face {
            family,
            weight: face.weight().to_number(),
            italic: face.is_italic(),
            substitutions: Substitutions::of(&face),
            data,
            face,
        })
    }

    fn draws(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some_and(|g| g.0 != 0)
    }

    /// Whether a document written `dir` can ask for this face. The stylesheet never sets bold
    /// italic, and Arabic text inside a Latin edition is never bold.
    fn asked(&self, dir: &str) -> bool {
        let bold = self.weight >= 600;
        let arabic_in_latin = dir != "rtl" && self.family == ARABIC[0];
        !bold || !(self.italic || arabic_in_latin)
    }
}

/// The faces of [`jiha_data::glyphs::pdf_fonts`], read once.
static FACES: LazyLock<Vec<Face>> = LazyLock::new(|| {
    jiha_data::glyphs::pdf_fonts()
        .into_iter()
        .filter_map(Face::read)
        .collect()
});

/// The characters an HTML page shows: its text outside tags and outside `<style>`, the
/// characters its escapes stand for, the capitals of `text-transform: uppercase`, and what
/// the browser draws by itself.
fn shown(html: &str) -> BTreeSet<char> {
    let mut chars = Chars::default();
    chars.extend(GENERATED.chars().chain("&<>\"'".chars()));
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        chars.extend(rest[..open].chars());
        rest = &rest[open..];
        let close = if rest.starts_with("<style") {
            rest.find("</style>").unwrap_or(rest.len())
        } else {
            rest.find('>').map_or(rest.len(), |i| i + 1)
        };
        rest = &rest[close..];
    }
    chars.extend(rest.chars());
    let mut chars = chars.set;
    let capitals: Vec<char> = chars.iter().flat_map(|c| c.to_uppercase()).collect();
    chars.extend(capitals);
    chars.retain(|c| !c.is_control());
    chars
}

/// A set of characters filled from long texts: each character of the Basic Multilingual
/// Plane is looked up in a bit set before it goes into the ordered set.
struct Chars {
    seen: Vec<u64>,
    set: BTreeSet<char>,
}

impl Default for Chars {
    fn default() -> Chars {
        Chars {
            seen: vec![0; 0x10000 / 64],
            set: BTreeSet::new(),
        }
    }
}

impl Extend<char> for Chars {
    fn extend<I: IntoIterator<Item = char>>(&mut self, chars: I) {
        for c in chars {
            let n = u32::from(c) as usize;
            if let Some(word) = self.seen.get_mut(n / 64) {
                let bit = 1 << (n % 64);
                if *word & bit != 0 {
                    continue;
                }
                *word |= bit;
            }
            self.set.insert(c);
        }
    }
}

/// The characters each family draws: the first family of the edition's stack that can, as
/// in the PDF. In a Latin edition Amiri also gets the spaces, digits and punctuation, which
/// Arabic passages set in it.
fn share(chars: &BTreeSet<char>, dir: &str) -> Vec<(&'static str, BTreeSet<char>)> {
    let stack = if dir == "rtl" { ARABIC } else { LATIN };
    let regular = |family: &str| {
        FACES
            .iter()
            .find(|f| f.family == family && f.weight < 600 && !f.italic)
    };
    let mut shares: Vec<(&'static str, BTreeSet<char>)> =
        stack.iter().map(|&f| (f, BTreeSet::new())).collect();
    for &c in chars {
        if let Some(share) = shares
            .iter_mut()
            .find(|(f, _)| regular(f).is_some_and(|face| face.draws(c)))
        {
            share.1.insert(c);
        }
    }
    let arabic_used = shares.iter().any(|(f, s)| *f == ARABIC[0] && !s.is_empty());
    if dir != "rtl" && arabic_used {
        let amiri = regular(ARABIC[0]);
        let neutral: Vec<char> = chars
            .iter()
            .copied()
            .filter(|&c| !c.is_alphabetic() && amiri.is_some_and(|f| f.draws(c)))
            .collect();
        if let Some(share) = shares.iter_mut().find(|(f, _)| *f == ARABIC[0]) {
            share.1.extend(neutral);
        }
    }
    shares.retain(|(_, s)| !s.is_empty());
    shares
}

/// `U+20-7E,U+A0,...`: the characters as CSS `unicode-range`.
fn unicode_range(chars: &BTreeSet<char>) -> String {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in chars.iter().map(|&c| u32::from(c)) {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == c => *end = c,
            _ => ranges.push((c, c)),
        }
    }
    let parts: Vec<String> = ranges
        .iter()
        .map(|&(a, b)| {
            if a == b {
                format!("U+{a:X}")
            } else {
                format!("U+{a:X}-{b:X}")
            }
        })
        .collect();
    parts.join(",")
}

/// Standard base64, padded. Three bytes at a time into a buffer of the final size: a page
/// carries a few hundred kilobytes of it, which a character at a time took longer to write
/// than the fonts took to cut down.
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let sextet = |n: u32, shift: u32| ALPHABET[(n >> shift & 63) as usize];
    let mut out = vec![b'='; data.len().div_ceil(3) * 4];
    for (chunk, quad) in data.chunks(3).zip(out.chunks_exact_mut(4)) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = byte(0) << 16 | byte(1) << 8 | byte(2);
        let coded = [sextet(n, 18), sextet(n, 12), sextet(n, 6), sextet(n, 0)];
        let kept = chunk.len() + 1;
        quad[..kept].copy_from_slice(&coded[..kept]);
    }
    // Only ASCII was written: the conversion always succeeds.
    String::from_utf8(out).unwrap_or_default()
}

/// The subsets made lately in this process, in base64, by face and characters: pages with
/// the same characters (every brief of a kind often has, and each brief again when `watch`
/// renders it after an edit elsewhere) share one. At most `SUBSETS_KEPT` are kept; the one
/// used longest ago makes room for a new one, so memory stays bounded however long the
/// process runs.
static SUBSETS: LazyLock<Mutex<Subsets>> = LazyLock::new(Default::default);
const SUBSETS_KEPT: usize = 128;

/// A subset: the face's number in [`FACES`], and the characters.
type Subset = (usize, Vec<char>);

/// The subsets kept, each with the time it was last used (a count of uses).
#[derive(Default)]
struct Subsets {
    kept: HashMap<Subset, (Arc<str>, u64)>,
    uses: u64,
}

impl Subsets {
    fn get(&mut self, key: &Subset) -> Option<Arc<str>> {
        self.uses += 1;
        let (font, used) = self.kept.get_mut(key)?;
        *used = self.uses;
        Some(Arc::clone(font))
    }

    fn insert(&mut self, key: Subset, font: Arc<str>) {
        if self.kept.len() >= SUBSETS_KEPT {
            let oldest = self.kept.iter().min_by_key(|(_, (_, used))| *used);
            if let Some(oldest) = oldest.map(|(key, _)| key.clone()) {
                self.kept.remove(&oldest);
            }
        }
        self.uses += 1;
        self.kept.insert(key, (font, self.uses));
    }
}

/// `face` (the `index`th of [`FACES`]) cut down to `chars`, in base64.
fn subset_of(index: usize, face: &Face, chars: &BTreeSet<char>) -> Result<Arc<str>, RenderError> {
    let key = (index, chars.iter().copied().collect::<Vec<char>>());
    if let Some(hit) = SUBSETS.lock().ok().and_then(|mut s| s.get(&key)) {
        return Ok(hit);
    }
    let font = subset::subset(face.data, &face.substitutions, chars.iter().copied())
        .map_err(|e| RenderError::Font(format!("{}: {}", face.family, e.0)))?;
    let font: Arc<str> = base64(&font).into();
    if let Ok(mut subsets) = SUBSETS.lock() {
        subsets.insert(key, Arc::clone(&font));
    }
    Ok(font)
}

/// The CSS that gives an HTML page (rendered without it) the PDF's fonts: the stacks as
/// custom properties, then one `@font-face` per face the page uses.
pub fn css(html: &str, dir: &str) -> Result<String, RenderError> {
    let quoted = |stack: [&str; 2]| stack.map(|f| format!("\"{f}\"")).join(", ");
    let mut css = format!(
        ":root {{ --latin: {}, {LATIN_FALLBACK}; --arabic: {}, {ARABIC_FALLBACK}; }}\n",
        quoted(LATIN),
        quoted(ARABIC)
    );
    for (family, chars) in share(&shown(html), dir) {
        let range = unicode_range(&chars);
        for (index, face) in FACES
            .iter()
            .enumerate()
            .filter(|(_, f)| f.family == family && f.asked(dir))
        {
            let font = subset_of(index, face, &chars)?;
            let _ = writeln!(
                css,
                "@font-face {{ font-family: \"{family}\"; font-weight: {}; font-style: {}; \
                 unicode-range: {range}; src: url(data:font/woff;base64,{font}) format(\"woff\"); }}",
                face.weight,
                if face.italic { "italic" } else { "normal" },
            );
        }
    }
    Ok(css)
}

#[cfg(test)]
mod tests;
