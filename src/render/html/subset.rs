//! A font cut down to the glyphs one document can show, for an `@font-face` data URL.
//!
//! Every glyph keeps its id, so the character map and the layout tables (GSUB, GPOS, GDEF:
//! Arabic joining, ligatures, kerning, mark placement) stay valid as they are; the outlines of
//! the glyphs the document cannot reach are emptied. A glyph is reachable from a character of
//! the document, through any substitution (over-approximated: every lookup applies, whatever
//! its context), or as a component of a composite glyph. PDF subsetters (the `subsetter`
//! crate) renumber the glyphs and drop `cmap`, `OS/2` and the layout tables, which a browser
//! needs.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use ttf_parser::GlyphId;
use ttf_parser::gsub::SubstitutionSubtable;

/// The substitution features a browser applies unasked (as HarfBuzz does for Latin and Arabic
/// text), and `tnum`, which the stylesheet asks for in number columns.
const DEFAULT_FEATURES: [&[u8; 4]; 20] = [
    b"ccmp", b"locl", b"rlig", b"liga", b"clig", b"calt", b"rclt", b"rvrn", b"isol", b"init",
    b"medi", b"med2", b"fina", b"fin2", b"fin3", b"stch", b"ltra", b"rtla", b"rtlm", b"tnum",
];

/// Why a font could not be cut down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed(pub &'static str);

/// Where a font's substitutions lead, read once per font.
#[derive(Debug, Default)]
pub struct Substitutions {
    /// For each glyph, the glyphs a substitution may put in its place.
    outputs: BTreeMap<u16, Vec<u16>>,
    /// For each glyph, the ligatures it is a component of: (components, ligature glyph).
    ligatures: BTreeMap<u16, Vec<(Vec<u16>, u16)>>,
}

impl Substitutions {
    /// Reads the GSUB table of `face` (none: no substitutions).
    pub fn of(face: &ttf_parser::Face) -> Substitutions {
        let mut s = Substitutions::default();
        let Some(gsub) = face.tables().gsub else {
            return s;
        };
        // The lookups a browser may apply: those of the features it turns on by itself, and
        // those no feature names, which only contextual lookups call. Small capitals,
        // old-style figures and stylistic alternates stay out.
        let mut named = BTreeSet::new();
        let mut applied = BTreeSet::new();
        for feature in gsub.features {
            let on = DEFAULT_FEATURES.contains(&&feature.tag.to_bytes());
            for i in feature.lookup_indices {
                named.insert(i);
                if on {
                    applied.insert(i);
                }
            }
        }
        for (i, lookup) in gsub.lookups.into_iter().enumerate() {
            let i = i as u16;
            if named.contains(&i) && !applied.contains(&i) {
                continue;
            }
            for subtable in lookup.subtables.into_iter::<SubstitutionSubtable>() {
                s.read(&subtable);
            }
        }
        s
    }

    fn read(&mut self, subtable: &SubstitutionSubtable) {
        use ttf_parser::gsub::SingleSubstitution;
        let coverage = subtable.coverage();
        for (index, glyph) in covered(&coverage) {
            let out: Vec<u16> = match subtable {
                SubstitutionSubtable::Single(SingleSubstitution::Format1 { delta, .. }) => {
                    vec![glyph.wrapping_add(*delta as u16)]
                }
                SubstitutionSubtable::Single(SingleSubstitution::Format2 {
                    substitutes, ..
                }) => substitutes.get(index).map(|g| g.0).into_iter().collect(),
                SubstitutionSubtable::Multiple(m) => m
                    .sequences
                    .get(index)
                    .map(|s| s.substitutes.into_iter().map(|g| g.0).collect())
                    .unwrap_or_default(),
                SubstitutionSubtable::Alternate(a) => a
                    .alternate_sets
                    .get(index)
                    .map(|s| s.alternates.into_iter().map(|g| g.0).collect())
                    .unwrap_or_default(),
                SubstitutionSubtable::ReverseChainSingle(r) => {
                    r.substitutes.get(index).map(|g| g.0).into_iter().collect()
                }
                SubstitutionSubtable::Ligature(l) => {
                    for ligature in l.ligature_sets.get(index).into_iter().flatten() {
                        let mut components = vec![glyph];
                        components.extend(ligature.components.into_iter().map(|g| g.0));
                        for &c in &components {
                            let entry = self.ligatures.entry(c).or_default();
                            entry.push((components.clone(), ligature.glyph.0));
                        }
                    }
                    Vec::new()
                }
                // Contextual lookups only call other lookups, which are read on their own.
                SubstitutionSubtable::Context(_) | SubstitutionSubtable::ChainContext(_) => {
                    Vec::new()
                }
            };
            if !out.is_empty() {
                self.outputs.entry(glyph).or_default().extend(out);
            }
        }
    }

    /// Marks every glyph that substitutions can reach from the marked ones.
    fn close(&self, keep: &mut [bool]) {
        let mut work: Vec<u16> = (0..keep.len())
            .filter(|&g| keep[g])
            .map(|g| g as u16)
            .collect();
        let mark = |g: u16, keep: &mut [bool], work: &mut Vec<u16>| {
            if let Some(k) = keep.get_mut(usize::from(g))
                && !*k
            {
                *k = true;
                work.push(g);
            }
        };
        while let Some(g) = work.pop() {
            for &out in self.outputs.get(&g).into_iter().flatten() {
                mark(out, keep, &mut work);
            }
            for (components, ligature) in self.ligatures.get(&g).into_iter().flatten() {
                if components
                    .iter()
                    .all(|&c| keep.get(usize::from(c)) == Some(&true))
                {
                    mark(*ligature, keep, &mut work);
                }
            }
        }
    }
}

/// The glyphs of a coverage table with their coverage index.
fn covered(coverage: &ttf_parser::opentype_layout::Coverage) -> Vec<(u16, u16)> {
    use ttf_parser::opentype_layout::Coverage;
    match coverage {
        Coverage::Format1 { glyphs } => glyphs
            .into_iter()
            .enumerate()
            .map(|(i, g)| (i as u16, g.0))
            .collect(),
        Coverage::Format2 { records } => records
            .into_iter()
            .flat_map(|r| {
                (r.start.0..=r.end.0).map(move |g| (r.value.wrapping_add(g - r.start.0), g))
            })
            .collect(),
    }
}

/// `data` (one TrueType or OpenType/CFF font, static: its unchanged tables are packed once
/// per process) with only the outlines that `chars` can reach, as WOFF.
pub fn subset(
    data: &'static [u8],
    substitutions: &Substitutions,
    chars: impl IntoIterator<Item = char>,
) -> Result<Vec<u8>, Malformed> {
    let face = ttf_parser::Face::parse(data, 0).map_err(|_| Malformed("unreadable font"))?;
    let mut keep = vec![false; usize::from(face.number_of_glyphs())];
    *keep.first_mut().ok_or(Malformed("no glyphs"))? = true;
    for c in chars {
        if let Some(GlyphId(g)) = face.glyph_index(c)
            && let Some(k) = keep.get_mut(usize::from(g))
        {
            *k = true;
        }
    }
    substitutions.close(&mut keep);
    let mut tables = sfnt::tables(data)?;
    for (tag, bytes) in cut(&tables, &mut keep)? {
        sfnt::replace(&mut tables, &tag, bytes);
    }
    // A signature would no longer match.
    tables.retain(|(tag, _)| tag != b"DSIG");
    sfnt::woff(data.get(..4).ok_or(Malformed("truncated header"))?, tables)
}

/// The tables that change: the outlines (`glyf` and `loca`, or `CFF `) and the metrics
/// (`hmtx`) holding only the glyphs kept. Composite glyphs mark their components kept.
fn cut(
    tables: &[sfnt::Table<'static>],
    keep: &mut [bool],
) -> Result<Vec<sfnt::Table<'static>>, Malformed> {
    let mut cut = Vec::new();
    let find = |tag| sfnt::find(tables, tag);
    if let (Some(glyf), Some(loca), Some(head)) = (find(b"glyf"), find(b"loca"), find(b"head")) {
        let long = head.get(50..52) == Some(&[0, 1][..]);
        let (glyf, loca) = outlines::glyf(glyf, loca, long, keep)?;
        cut.push((*b"glyf", vec![Cow::Owned(glyf)]));
        cut.push((*b"loca", vec![Cow::Owned(loca)]));
    } else if let Some(cff) = find(b"CFF ") {
        cut.push((*b"CFF ", outlines::cff(cff, keep)?));
    } else {
        return Err(Malformed("neither glyf nor CFF outlines"));
    }
    if let (Some(hhea), Some(hmtx)) = (find(b"hhea"), find(b"hmtx")) {
        cut.push((
            *b"hmtx",
            vec![Cow::Owned(outlines::metrics(hhea, hmtx, keep)?)],
        ));
    }
    Ok(cut)
}

mod charstrings;
mod outlines;
mod sfnt;

#[cfg(test)]
mod tests;
