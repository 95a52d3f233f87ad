//! Which characters the PDF fonts can draw.
//!
//! The checks refuse a text that would print as empty boxes.

use std::collections::HashSet;

/// The fonts the PDFs are typeset with, all shipped in `assets/fonts/` with their licences:
/// Libertinus Serif for Latin text, Amiri for Arabic. The one list: the PDF world serves these, and the checks test
/// every text against them. Typst's other bundled fonts (New Computer Modern, its math
/// fonts) are left out: the briefs never use them, and they would weigh 7 MiB.
pub fn pdf_fonts() -> [&'static [u8]; 6] {
    [
        include_bytes!("../../../assets/fonts/libertinus/LibertinusSerif-Regular.otf"),
        include_bytes!("../../../assets/fonts/libertinus/LibertinusSerif-Bold.otf"),
        include_bytes!("../../../assets/fonts/libertinus/LibertinusSerif-Italic.otf"),
        include_bytes!("../../../assets/fonts/libertinus/LibertinusSerif-BoldItalic.otf"),
        include_bytes!("../../../assets/fonts/amiri/Amiri-Regular.ttf"),
        include_bytes!("../../../assets/fonts/amiri/Amiri-Bold.ttf"),
    ]
}

/// U+FFFD, which a conversion puts in place of what it could not read.
pub const REPLACEMENT: char = '\u{fffd}';

/// The characters covered by a set of fonts.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// One bit per character of the Basic Multilingual Plane, where nearly every text lives:
    /// the check tests each character of the dataset, so this lookup is hot.
    bmp: Box<[u64; 1024]>,
    /// The characters beyond it.
    astral: HashSet<char>,
    /// The fonts' family names, for the messages.
    pub families: Vec<String>,
}

impl Coverage {
    /// Reads the character maps of `fonts` (TrueType or OpenType data).
    pub fn of(fonts: &[&[u8]]) -> Coverage {
        let mut coverage = Coverage {
            bmp: Box::new([0; 1024]),
            astral: HashSet::new(),
            families: Vec::new(),
        };
        for data in fonts {
            let Ok(face) = ttf_parser::Face::parse(data, 0) else {
                continue;
            };
            if let Some(name) = face
                .names()
                .into_iter()
                .find(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
                .and_then(|n| n.to_string())
                && !coverage.families.contains(&name)
            {
                coverage.families.push(name);
            }
            let Some(cmap) = face.tables().cmap else {
                continue;
            };
            for subtable in cmap.subtables {
                if !subtable.is_unicode() {
                    continue;
                }
                subtable.codepoints(|code| {
                    if let Some(c) = char::from_u32(code)
                        && subtable.glyph_index(code).is_some_and(|g| g.0 != 0)
                    {
                        coverage.insert(c);
                    }
                });
            }
        }
        coverage
    }

    fn insert(&mut self, c: char) {
        let i = c as usize;
        if i < 0x10000 {
            self.bmp[i / 64] |= 1 << (i % 64);
        } else {
            self.astral.insert(c);
        }
    }

    fn has(&self, c: char) -> bool {
        let i = c as usize;
        if i < 0x10000 {
            self.bmp[i / 64] & (1 << (i % 64)) != 0
        } else {
            self.astral.contains(&c)
        }
    }

    /// Whether `c` can be printed. Spaces, line breaks and the invisible format characters
    /// (zero-width spaces and joiners, direction marks and isolates, the soft hyphen) need no
    /// glyph. The replacement character cannot be, although Libertinus has a glyph for it:
    /// the tagged PDF's writer refuses it, as it stands for text that was lost.
    pub fn covers(&self, c: char) -> bool {
        c != REPLACEMENT && (self.has(c) || c.is_whitespace() || invisible(c))
    }

    /// The characters of `text` no font can draw, each once, in order. Control characters
    /// are left out: the checks refuse them as such, by name.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for c in text.chars() {
            if !self.covers(c) && !c.is_control() && seen.insert(c) {
                missing.push(c);
            }
        }
        missing
    }
}

/// Characters that shape or direct the text without being drawn.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}
