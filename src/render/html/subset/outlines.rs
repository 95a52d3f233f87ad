//! Emptying the outlines of the glyphs a document cannot reach, ids unchanged: TrueType
//! `glyf`/`loca`, and the CharStrings of a name-keyed CFF font.

use std::borrow::Cow;

use super::Malformed;
use super::charstrings;

fn u16_at(data: &[u8], at: usize) -> Result<u16, Malformed> {
    data.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or(Malformed("truncated outline table"))
}

/// Where each glyph's outline starts and ends in `glyf`, from `loca`.
fn locations(loca: &[u8], long: bool, glyphs: usize) -> Result<Vec<usize>, Malformed> {
    (0..=glyphs)
        .map(|i| {
            if long {
                loca.get(4 * i..4 * i + 4)
                    .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
                    .ok_or(Malformed("truncated loca"))
            } else {
                u16_at(loca, 2 * i).map(|o| usize::from(o) * 2)
            }
        })
        .collect()
}

/// The glyphs a composite TrueType glyph is made of.
fn components(glyph: &[u8]) -> Result<Vec<u16>, Malformed> {
    const WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    let mut out = Vec::new();
    if glyph.len() < 10 || (u16_at(glyph, 0)? as i16) >= 0 {
        return Ok(out);
    }
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        out.push(u16_at(glyph, at + 2)?);
        at += 4 + if flags & WORDS != 0 { 4 } else { 2 };
        at += match () {
            _ if flags & SCALE != 0 => 2,
            _ if flags & XY_SCALE != 0 => 4,
            _ if flags & TWO_BY_TWO != 0 => 8,
            _ => 0,
        };
        if flags & MORE == 0 {
            return Ok(out);
        }
    }
}

/// New `glyf` and `loca` tables (in the same `loca` format) holding only the kept outlines
/// and the components of kept composite glyphs, which are marked kept too.
pub fn glyf(
    glyf: &[u8],
    loca: &[u8],
    long: bool,
    keep: &mut [bool],
) -> Result<(Vec<u8>, Vec<u8>), Malformed> {
    let at = locations(loca, long, keep.len())?;
    let outline = |g: usize| {
        glyf.get(at[g]..at[g + 1])
            .ok_or(Malformed("glyph out of glyf"))
    };
    let mut work: Vec<usize> = (0..keep.len()).filter(|&g| keep[g]).collect();
    while let Some(g) = work.pop() {
        for c in components(outline(g)?)? {
            if let Some(k) = keep.get_mut(usize::from(c))
                && !*k
            {
                *k = true;
                work.push(usize::from(c));
            }
        }
    }
    let (mut new_glyf, mut new_loca) = (Vec::new(), Vec::new());
    let locate = |offset: usize, loca: &mut Vec<u8>| {
        if long {
            loca.extend_from_slice(&(offset as u32).to_be_bytes());
        } else {
            loca.extend_from_slice(&((offset / 2) as u16).to_be_bytes());
        }
    };
    for (g, &kept) in keep.iter().enumerate() {
        locate(new_glyf.len(), &mut new_loca);
        if kept {
            new_glyf.extend_from_slice(outline(g)?);
            new_glyf.resize(new_glyf.len().next_multiple_of(if long { 4 } else { 2 }), 0);
        }
    }
    locate(new_glyf.len(), &mut new_loca);
    if !long && new_glyf.len() / 2 > usize::from(u16::MAX) {
        return Err(Malformed("glyf too long for a short loca"));
    }
    Ok((new_glyf, new_loca))
}

/// The `hmtx` table with the metrics of the glyphs not kept set to zero (they compress to
/// nothing; nothing draws those glyphs).
pub fn metrics(hhea: &[u8], hmtx: &[u8], keep: &[bool]) -> Result<Vec<u8>, Malformed> {
    let long = usize::from(u16_at(hhea, 34)?);
    let mut out = hmtx.to_vec();
    for (g, _) in keep.iter().enumerate().filter(|(_, kept)| !**kept) {
        let (at, size) = if g < long {
            (4 * g, 4)
        } else {
            (4 * long + 2 * (g - long), 2)
        };
        if let Some(entry) = out.get_mut(at..at + size) {
            entry.fill(0);
        }
    }
    Ok(out)
}

/// A CFF INDEX: where it starts, where its data starts, its offsets, where it ends.
struct Index {
    start: usize,
    data: usize,
    offsets: Vec<usize>,
}

impl Index {
    fn read(cff: &[u8], start: usize) -> Result<Index, Malformed> {
        let count = usize::from(u16_at(cff, start)?);
        if count == 0 {
            return Ok(Index {
                start,
                data: start + 2,
                offsets: vec![1],
            });
        }
        let size = usize::from(*cff.get(start + 2).ok_or(Malformed("truncated CFF INDEX"))?);
        let offsets = (0..=count)
            .map(|i| {
                let at = start + 3 + i * size;
                cff.get(at..at + size)
                    .map(|b| b.iter().fold(0usize, |n, &b| n << 8 | usize::from(b)))
                    .ok_or(Malformed("truncated CFF INDEX"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Index {
            start,
            data: start + 3 + (count + 1) * size - 1,
            offsets,
        })
    }

    fn end(&self) -> usize {
        self.data + self.offsets.last().copied().unwrap_or(1)
    }

    fn item<'a>(&self, cff: &'a [u8], i: usize) -> Result<&'a [u8], Malformed> {
        cff.get(self.data + self.offsets[i]..self.data + self.offsets[i + 1])
            .ok_or(Malformed("CFF INDEX item out of the table"))
    }
}

/// An integer operand of a DICT: where it is, how many bytes it takes, its value.
struct Operand {
    at: usize,
    width: usize,
    value: i64,
}

/// The integer operands of each operator of the DICT at `start..end` (`12 x` as `1200 + x`).
fn dict(cff: &[u8], start: usize, end: usize) -> Result<Vec<(u16, Vec<Operand>)>, Malformed> {
    let byte = |i: usize| {
        cff.get(i)
            .copied()
            .map(i64::from)
            .ok_or(Malformed("truncated DICT"))
    };
    let (mut out, mut operands, mut i) = (Vec::new(), Vec::new(), start);
    while i < end {
        let b0 = byte(i)?;
        let (width, value) = match b0 {
            0..=21 => {
                let op = if b0 == 12 { 1200 + byte(i + 1)? } else { b0 };
                out.push((op as u16, std::mem::take(&mut operands)));
                i += if b0 == 12 { 2 } else { 1 };
                continue;
            }
            28 => (3, i64::from(u16_at(cff, i + 1)? as i16)),
            29 => (
                5,
                (u16_at(cff, i + 1)? as i64) << 16 | u16_at(cff, i + 3)? as i64,
            ),
            30 => {
                let mut w = 1;
                while byte(i + w)? & 0x0f != 0x0f && byte(i + w)? >> 4 != 0x0f {
                    w += 1;
                }
                (w + 1, 0)
            }
            32..=246 => (1, b0 - 139),
            247..=250 => (2, (b0 - 247) * 256 + byte(i + 1)? + 108),
            251..=254 => (2, -(b0 - 251) * 256 - byte(i + 1)? - 108),
            _ => return Err(Malformed("reserved DICT byte")),
        };
        operands.push(Operand {
            at: i,
            width,
            value: if b0 == 29 { value as i32 as i64 } else { value },
        });
        i += width;
    }
    Ok(out)
}

/// `value` written as a DICT integer of exactly `width` bytes.
fn encode(value: i64, width: usize) -> Result<Vec<u8>, Malformed> {
    let too_wide = Malformed("CFF offset no longer fits its operand");
    Ok(match width {
        1 if (-107..=107).contains(&value) => vec![(value + 139) as u8],
        2 if (108..=1131).contains(&value) => {
            vec![
                ((value - 108) / 256 + 247) as u8,
                ((value - 108) % 256) as u8,
            ]
        }
        2 if (-1131..=-108).contains(&value) => {
            vec![
                ((-value - 108) / 256 + 251) as u8,
                ((-value - 108) % 256) as u8,
            ]
        }
        3 => {
            let v = i16::try_from(value).map_err(|_| too_wide)?;
            [vec![28], v.to_be_bytes().to_vec()].concat()
        }
        5 => {
            let v = i32::try_from(value).map_err(|_| too_wide)?;
            [vec![29], v.to_be_bytes().to_vec()].concat()
        }
        _ => return Err(too_wide),
    })
}

/// A CFF INDEX of `items`, with 4-byte offsets.
fn index_of<'a>(items: impl ExactSizeIterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut out = (items.len() as u16).to_be_bytes().to_vec();
    out.push(4);
    let mut data = Vec::new();
    let mut offsets = vec![1u32];
    for item in items {
        data.extend_from_slice(item);
        offsets.push(data.len() as u32 + 1);
    }
    offsets
        .iter()
        .for_each(|o| out.extend_from_slice(&o.to_be_bytes()));
    out.extend(data);
    out
}

/// The items of an INDEX, the used ones as they are, the others as `unused`.
fn thinned(
    cff: &[u8],
    index: &Index,
    used: &[bool],
    unused: &'static [u8],
) -> Result<Vec<u8>, Malformed> {
    let items = (0..used.len())
        .map(|i| {
            if used[i] {
                index.item(cff, i)
            } else {
                Ok(unused)
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(index_of(items.into_iter()))
}

/// The items of an INDEX.
fn items<'a>(cff: &'a [u8], index: &Index) -> Result<Vec<&'a [u8]>, Malformed> {
    (0..index.offsets.len() - 1)
        .map(|i| index.item(cff, i))
        .collect()
}

/// A new CFF table, in pieces, where the glyphs not kept draw nothing (`endchar`) and the subroutines
/// no kept glyph calls are empty (`return`). Name-keyed fonts only.
pub fn cff<'a>(cff: &'a [u8], keep: &[bool]) -> Result<Vec<Cow<'a, [u8]>>, Malformed> {
    const CHARSET: u16 = 15;
    const ENCODING: u16 = 16;
    const CHAR_STRINGS: u16 = 17;
    const PRIVATE: u16 = 18;
    const SUBRS: u16 = 19;
    const ROS: u16 = 1230;
    let header = usize::from(*cff.get(2).ok_or(Malformed("truncated CFF header"))?);
    let names = Index::read(cff, header)?;
    let tops = Index::read(cff, names.end())?;
    let top_start = tops.data + tops.offsets[0];
    let top = dict(cff, top_start, top_start + tops.item(cff, 0)?.len())?;
    let operand = |op: u16, n: usize| {
        top.iter()
            .find(|(o, _)| *o == op)
            .and_then(|(_, v)| v.get(n))
    };
    if operand(ROS, 0).is_some() || tops.offsets.len() != 2 {
        return Err(Malformed("CID-keyed or multi-font CFF"));
    }
    let global = Index::read(cff, Index::read(cff, tops.end())?.end())?;
    let at = |o: Option<&Operand>| {
        o.map(|o| o.value as usize)
            .ok_or(Malformed("CFF without CharStrings or Private"))
    };
    let strings = Index::read(cff, at(operand(CHAR_STRINGS, 0))?)?;
    if strings.offsets.len() != keep.len() + 1 || top_start >= global.start {
        return Err(Malformed("CFF glyph count or layout unexpected"));
    }
    let private = at(operand(PRIVATE, 1))?;
    let private_end = private + at(operand(PRIVATE, 0))?;
    let local = match dict(cff, private, private_end)?
        .iter()
        .find(|(o, _)| *o == SUBRS)
    {
        Some((_, v)) => Some(Index::read(cff, private + at(v.first())?)?),
        None => None,
    };
    // The subroutines the kept glyphs call (all of them, where a glyph is not followed).
    let (global_used, local_used) = called(cff, keep, &strings, &global, local.as_ref())?;
    let mut pieces = vec![
        (
            global.start,
            global.end(),
            thinned(cff, &global, &global_used, &[11])?,
        ),
        (
            strings.start,
            strings.end(),
            thinned(cff, &strings, keep, &[14])?,
        ),
    ];
    if let Some(local) = &local {
        pieces.push((
            local.start,
            local.end(),
            thinned(cff, local, &local_used, &[11])?,
        ));
    }
    rebuilt(
        cff,
        pieces,
        [
            operand(CHARSET, 0),
            operand(ENCODING, 0),
            operand(CHAR_STRINGS, 0),
            operand(PRIVATE, 1),
        ],
    )
}

/// Which global and local subroutines the kept glyphs call: all of them, where a glyph does
/// what [`charstrings::Calls`] does not follow.
fn called(
    cff: &[u8],
    keep: &[bool],
    strings: &Index,
    global: &Index,
    local: Option<&Index>,
) -> Result<(Vec<bool>, Vec<bool>), Malformed> {
    let global_items = items(cff, global)?;
    let local_items = match local {
        Some(l) => items(cff, l)?,
        None => Vec::new(),
    };
    let mut calls = charstrings::Calls::new(&global_items, &local_items);
    let followed = (0..keep.len()).filter(|&g| keep[g]).all(|g| {
        strings
            .item(cff, g)
            .is_ok_and(|code| calls.glyph(code).is_some())
    });
    Ok(if followed {
        (calls.global_used, calls.local_used)
    } else {
        (
            vec![true; global_items.len()],
            vec![true; local_items.len()],
        )
    })
}

/// `cff` with each `(start, end, bytes)` piece put in place of its old bytes, and the Top
/// DICT's offsets to what moved rewritten in place: as pieces, those of `cff` left as they
/// were borrowed from it, so that what is the same in every subset is packed once.
fn rebuilt<'a>(
    cff: &'a [u8],
    mut pieces: Vec<(usize, usize, Vec<u8>)>,
    offsets: [Option<&Operand>; 4],
) -> Result<Vec<Cow<'a, [u8]>>, Malformed> {
    pieces.sort_by_key(|p| p.0);
    let moved = |old: usize| -> i64 {
        pieces
            .iter()
            .filter(|(_, end, _)| *end <= old)
            .map(|(start, end, bytes)| bytes.len() as i64 - (end - start) as i64)
            .sum()
    };
    // Predefined charsets and encodings (0 to 2) are not offsets.
    let mut patches = offsets
        .into_iter()
        .flatten()
        .filter(|o| o.value > 2)
        .map(|o| {
            Ok((
                o.at,
                o.at + o.width,
                encode(o.value + moved(o.value as usize), o.width)?,
            ))
        })
        .collect::<Result<Vec<_>, Malformed>>()?;
    patches.sort_by_key(|p| p.0);
    let mut out = Vec::new();
    let mut from = 0;
    for (start, end, bytes) in pieces
        .into_iter()
        .chain([(cff.len(), cff.len(), Vec::new())])
    {
        let kept = cff
            .get(from..start)
            .ok_or(Malformed("CFF pieces overlap"))?;
        out.extend(patched(kept, from, &patches)?);
        if !bytes.is_empty() {
            out.push(Cow::Owned(bytes));
        }
        from = end;
    }
    Ok(out)
}

/// `kept` (the bytes of the CFF from `from` on) with the `patches` that fall in it put in
/// place: the bytes between them borrowed.
fn patched<'a>(
    kept: &'a [u8],
    from: usize,
    patches: &[(usize, usize, Vec<u8>)],
) -> Result<Vec<Cow<'a, [u8]>>, Malformed> {
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, bytes) in patches {
        let (Some(start), Some(end)) = (start.checked_sub(from), end.checked_sub(from)) else {
            continue;
        };
        if end > kept.len() {
            continue;
        }
        if start < at {
            return Err(Malformed("CFF offsets overlap"));
        }
        out.push(Cow::Borrowed(&kept[at..start]));
        out.push(Cow::Owned(bytes.clone()));
        at = end;
    }
    out.push(Cow::Borrowed(&kept[at..]));
    out.retain(|piece| !piece.is_empty());
    Ok(out)
}
