use super::*;

/// The font file a browser gets back from a WOFF file.
pub fn unpacked(woff: &[u8]) -> Vec<u8> {
    use std::io::Read;
    assert_eq!(&woff[..4], b"wOFF");
    let be32 = |at: usize| u32::from_be_bytes(woff[at..at + 4].try_into().expect("4 bytes"));
    let count = usize::from(u16::from_be_bytes([woff[12], woff[13]]));
    let tables = (0..count)
        .map(|i| {
            let entry = 44 + 20 * i;
            let tag: [u8; 4] = woff[entry..entry + 4].try_into().expect("a tag");
            let (offset, packed, length) = (
                be32(entry + 4) as usize,
                be32(entry + 8) as usize,
                be32(entry + 12) as usize,
            );
            let stored = &woff[offset..offset + packed];
            let mut bytes = Vec::new();
            if packed < length {
                flate2::read::ZlibDecoder::new(stored)
                    .read_to_end(&mut bytes)
                    .expect("zlib data");
            } else {
                bytes = stored.to_vec();
            }
            assert_eq!(bytes.len(), length, "{tag:?}");
            (tag, vec![std::borrow::Cow::Owned(bytes)])
        })
        .collect();
    sfnt::write(&woff[4..8], tables)
}

/// Whether `c` has an outline in `font`.
fn drawn(font: &ttf_parser::Face, c: char) -> bool {
    let glyph = font.glyph_index(c).expect("a glyph for the character");
    font.glyph_bounding_box(glyph).is_some()
}

#[test]
fn every_pdf_font_keeps_its_glyph_ids_and_draws_only_what_is_reached() {
    for data in jiha_data::glyphs::pdf_fonts() {
        let original = ttf_parser::Face::parse(data, 0).expect("a font");
        let substitutions = Substitutions::of(&original);
        let woff = subset(data, &substitutions, "Ab1".chars()).expect("a subset");
        assert_eq!(
            woff,
            subset(data, &substitutions, "Ab1".chars()).expect("again")
        );
        assert!(
            woff.len() * 2 < data.len(),
            "{} of {} bytes",
            woff.len(),
            data.len()
        );
        let sfnt = unpacked(&woff);
        let font = ttf_parser::Face::parse(&sfnt, 0).expect("the subset is a font");
        assert_eq!(font.number_of_glyphs(), original.number_of_glyphs());
        for c in ['A', 'b', '1', 'Z', 'q'] {
            assert_eq!(font.glyph_index(c), original.glyph_index(c));
        }
        assert!(drawn(&font, 'A') && drawn(&font, 'b') && drawn(&font, '1'));
        assert!(!drawn(&font, 'Z') && !drawn(&font, 'q'));
        assert!(font.tables().gsub.is_some() == original.tables().gsub.is_some());
        assert!(font.tables().gpos.is_some() == original.tables().gpos.is_some());
    }
}

#[test]
fn arabic_keeps_the_forms_its_letters_take() {
    let data = jiha_data::glyphs::pdf_fonts()[5];
    let original = ttf_parser::Face::parse(data, 0).expect("Amiri");
    let word = "جهة";
    let woff = subset(data, &Substitutions::of(&original), word.chars()).expect("a subset");
    let sfnt = unpacked(&woff);
    let font = ttf_parser::Face::parse(&sfnt, 0).expect("a font");
    let drawn = (0..font.number_of_glyphs())
        .filter(|&g| font.glyph_bounding_box(ttf_parser::GlyphId(g)).is_some())
        .count();
    // The isolated letters alone would be three; their initial, medial and final forms (and
    // the ligatures Amiri draws them with) come through GSUB.
    assert!(drawn > 9, "{drawn} glyphs drawn");
    assert!(drawn < 400, "{drawn} glyphs drawn");
}

#[test]
fn a_composite_glyph_keeps_its_components() {
    // Amiri (TrueType outlines) draws « é » from « e » and the acute accent.
    let data = jiha_data::glyphs::pdf_fonts()[4];
    let original = ttf_parser::Face::parse(data, 0).expect("Amiri");
    let woff = subset(data, &Substitutions::of(&original), ['é']).expect("a subset");
    let sfnt = unpacked(&woff);
    let font = ttf_parser::Face::parse(&sfnt, 0).expect("a font");
    assert_eq!(
        font.glyph_bounding_box(font.glyph_index('é').expect("é")),
        original.glyph_bounding_box(original.glyph_index('é').expect("é"))
    );
    assert!(drawn(&font, 'e'));
}

#[test]
fn a_damaged_font_is_an_error_not_a_panic() {
    let data = jiha_data::glyphs::pdf_fonts()[0];
    for cut in [0, 11, 200, data.len() / 2] {
        let short = &data[..cut];
        assert!(subset(short, &Substitutions::default(), "A".chars()).is_err());
    }
}

/// A glyph's outline, as drawing commands.
#[derive(Default)]
struct Pen(String);

impl ttf_parser::OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0 += &format!("M{x} {y}");
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0 += &format!("L{x} {y}");
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0 += &format!("Q{x1} {y1} {x} {y}");
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0 += &format!("C{x1} {y1} {x2} {y2} {x} {y}");
    }
    fn close(&mut self) {
        self.0 += "Z";
    }
}

fn outline(font: &ttf_parser::Face, c: char) -> (String, Option<u16>) {
    let glyph = font.glyph_index(c).expect("a glyph");
    let mut pen = Pen::default();
    font.outline_glyph(glyph, &mut pen);
    (pen.0, font.glyph_hor_advance(glyph))
}

#[test]
fn the_kept_glyphs_draw_as_in_the_original_font() {
    // Libertinus' outlines call shared subroutines: the ones the kept glyphs call stay.
    let text = "Région : l’Oriental, 2 294 665 habitants — « Écart » fi ffl";
    for data in jiha_data::glyphs::pdf_fonts() {
        let original = ttf_parser::Face::parse(data, 0).expect("a font");
        let woff = subset(data, &Substitutions::of(&original), text.chars()).expect("a subset");
        let sfnt = unpacked(&woff);
        let font = ttf_parser::Face::parse(&sfnt, 0).expect("a font");
        for c in text.chars().filter(|&c| original.glyph_index(c).is_some()) {
            assert_eq!(outline(&font, c), outline(&original, c), "{c}");
        }
        assert_eq!(outline(&font, 'z').0, "");
    }
}
