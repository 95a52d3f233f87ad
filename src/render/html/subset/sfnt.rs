//! The table directory of a TrueType/OpenType file: read it, write it back, as a font file or
//! as WOFF.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use super::Malformed;

/// A table: its tag and its bytes, in pieces, each borrowed from the original font where it
/// is unchanged.
pub type Table<'a> = ([u8; 4], Vec<Cow<'a, [u8]>>);

fn u16_at(data: &[u8], at: usize) -> Result<u16, Malformed> {
    data.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or(Malformed("truncated table directory"))
}

fn u32_at(data: &[u8], at: usize) -> Result<u32, Malformed> {
    data.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or(Malformed("truncated table directory"))
}

/// The tables of a font file (not a collection), in directory order.
pub fn tables(data: &[u8]) -> Result<Vec<Table<'_>>, Malformed> {
    let count = usize::from(u16_at(data, 4)?);
    (0..count)
        .map(|i| {
            let record = 12 + 16 * i;
            let tag = data
                .get(record..record + 4)
                .and_then(|t| <[u8; 4]>::try_from(t).ok())
                .ok_or(Malformed("truncated table directory"))?;
            let offset = u32_at(data, record + 8)? as usize;
            let length = u32_at(data, record + 12)? as usize;
            let bytes = data
                .get(offset..offset + length)
                .ok_or(Malformed("table out of the file"))?;
            Ok((tag, vec![Cow::Borrowed(bytes)]))
        })
        .collect()
}

/// The table `tag` of the original font.
pub fn find<'a>(tables: &[Table<'a>], tag: &[u8; 4]) -> Option<&'a [u8]> {
    match tables.iter().find(|(t, _)| t == tag)?.1.as_slice() {
        [Cow::Borrowed(bytes)] => Some(bytes),
        _ => None,
    }
}

/// Puts `pieces` in the place of the table `tag`.
pub fn replace<'a>(tables: &mut [Table<'a>], tag: &[u8; 4], pieces: Vec<Cow<'a, [u8]>>) {
    if let Some(table) = tables.iter_mut().find(|(t, _)| t == tag) {
        table.1 = pieces;
    }
}

/// The bytes of a table in pieces, whole.
fn whole<'p, 'a>(pieces: &'p [Cow<'a, [u8]>]) -> Cow<'p, [u8]> {
    match pieces {
        [one] => Cow::Borrowed(one.as_ref()),
        _ => Cow::Owned(pieces.concat()),
    }
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// Where the `head` table keeps the checksum adjustment of the whole file.
const ADJUSTMENT: std::ops::Range<usize> = 8..12;

/// Sorts `tables` by tag, as the format asks, and zeroes the `head` table's checksum
/// adjustment, as its checksum is taken.
fn prepare(tables: &mut [Table]) {
    tables.sort_by_key(|a| a.0);
    for (tag, pieces) in tables.iter_mut() {
        if tag == b"head" {
            let mut head = whole(pieces).into_owned();
            if let Some(adjustment) = head.get_mut(ADJUSTMENT) {
                adjustment.fill(0);
            }
            *pieces = vec![Cow::Owned(head)];
        }
    }
}

/// The header and table directory of a font file of tables `(tag, checksum, length)` laid
/// out one after the other in that order, each padded to four bytes. `version` is the first
/// four bytes of the original.
fn directory(version: &[u8], tables: &[([u8; 4], u32, usize)]) -> Vec<u8> {
    let count = tables.len() as u16;
    let selector = 15 - count.max(1).leading_zeros() as u16;
    let range = (1u16 << selector) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(version);
    for field in [count, range, selector, count * 16 - range] {
        out.extend_from_slice(&field.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, sum, length) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&sum.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(*length as u32).to_be_bytes());
        offset += length.next_multiple_of(4);
    }
    out
}

/// The `head` adjustment of a font file: the file's checksum (adjustment zero) from the
/// checksums of its directory and of its tables, which start on four-byte boundaries.
fn adjustment(directory: &[u8], sums: impl Iterator<Item = u32>) -> [u8; 4] {
    let total = sums.fold(checksum(directory), u32::wrapping_add);
    0xB1B0_AFBA_u32.wrapping_sub(total).to_be_bytes()
}

/// A font file of `tables`, sorted by tag, with their checksums and the `head` table's
/// checksum adjustment. `version` is the first four bytes of the original.
#[cfg(test)]
pub fn write(version: &[u8], mut tables: Vec<Table>) -> Vec<u8> {
    prepare(&mut tables);
    let tables: Vec<_> = tables.iter().map(|(tag, p)| (*tag, whole(p))).collect();
    let entries: Vec<_> = tables
        .iter()
        .map(|(tag, bytes)| (*tag, checksum(bytes), bytes.len()))
        .collect();
    let mut out = directory(version, &entries);
    let fix = adjustment(&out, entries.iter().map(|e| e.1));
    for (tag, bytes) in &tables {
        let at = out.len();
        out.extend_from_slice(bytes);
        if tag == b"head" && bytes.len() >= ADJUSTMENT.end {
            out[at + ADJUSTMENT.start..at + ADJUSTMENT.end].copy_from_slice(&fix);
        }
        out.resize(out.len().next_multiple_of(4), 0);
    }
    out
}

/// A table as WOFF stores it: its checksum and length as in the font file, and its bytes
/// compressed with zlib where that makes them smaller.
#[derive(Debug)]
struct Packed {
    checksum: u32,
    length: usize,
    stored: Vec<u8>,
}

impl Packed {
    /// One zlib stream for a table in one piece. For a table in pieces, each piece is
    /// compressed on its own (an unchanged one once per process) and the streams are joined:
    /// a little larger, and most of the work is done once for every subset.
    fn of(pieces: &[Cow<'static, [u8]>]) -> Result<Packed, Malformed> {
        let table = whole(pieces);
        let packed = match pieces {
            [Cow::Borrowed(_)] => zlib(&table, ONCE)?,
            [_] | [] => zlib(&table, EACH)?,
            _ => joined(pieces, &table)?,
        };
        Ok(Packed {
            checksum: checksum(&table),
            length: table.len(),
            stored: if packed.len() < table.len() {
                packed
            } else {
                table.into_owned()
            },
        })
    }
}

/// The compression of what is packed once per process: zlib's default level (level 9 saves
/// 0.4 % for twice the time). Every level gives the same bytes at every run.
const ONCE: flate2::Compression = flate2::Compression::new(6);

/// The compression of what changes with each document: level 2 comes within 0.1 % of the
/// default's size on the briefs, and takes 15 % less time (level 1 is 6 % larger).
const EACH: flate2::Compression = flate2::Compression::new(2);

/// `table` as one zlib stream.
fn zlib(table: &[u8], level: flate2::Compression) -> Result<Vec<u8>, Malformed> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), level);
    z.write_all(table)
        .and_then(|()| z.finish())
        .map_err(|_| Malformed("zlib failed"))
}

/// `piece` as deflate blocks that end on a byte boundary and are not the last (a sync
/// flush): streams of this kind can be joined one after another.
fn deflated(piece: &[u8], level: flate2::Compression) -> Result<Vec<u8>, Malformed> {
    let mut z = flate2::Compress::new(level, false);
    let mut out = Vec::with_capacity(piece.len() / 2 + 64);
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity() + 64);
        }
        let done = usize::try_from(z.total_in()).unwrap_or(piece.len());
        z.compress_vec(
            piece.get(done..).unwrap_or_default(),
            &mut out,
            flate2::FlushCompress::Sync,
        )
        .map_err(|_| Malformed("zlib failed"))?;
        // Room left in the output: the flush is complete.
        if usize::try_from(z.total_in()) == Ok(piece.len()) && out.len() < out.capacity() {
            return Ok(out);
        }
    }
}

/// What is made once per process from static bytes, by where the bytes lie.
type Cache<T> = LazyLock<Mutex<HashMap<(usize, usize), Arc<T>>>>;

/// The deflated unchanged pieces of the fonts, by where their bytes lie in the static data.
static DEFLATED: Cache<Vec<u8>> = LazyLock::new(Default::default);

/// The zlib stream of `table`, made of its `pieces` deflated one by one.
fn joined(pieces: &[Cow<'static, [u8]>], table: &[u8]) -> Result<Vec<u8>, Malformed> {
    // A zlib header (its level field is only informative), then the pieces, an empty last block (fixed
    // Huffman codes, end of block at once) and the Adler-32 checksum of the whole.
    let mut out = vec![0x78, 0x9C];
    for piece in pieces {
        match piece {
            Cow::Borrowed(bytes) => {
                out.extend_from_slice(&once(&DEFLATED, bytes, |b| deflated(b, ONCE))?);
            }
            Cow::Owned(bytes) => out.extend(deflated(bytes, EACH)?),
        }
    }
    out.extend_from_slice(&[0x03, 0x00]);
    out.extend_from_slice(&adler32(table).to_be_bytes());
    Ok(out)
}

/// `make(bytes)` for static `bytes`, made once per process and kept in `cache`.
fn once<T>(
    cache: &Cache<T>,
    bytes: &'static [u8],
    make: impl FnOnce(&'static [u8]) -> Result<T, Malformed>,
) -> Result<Arc<T>, Malformed> {
    let key = (bytes.as_ptr() as usize, bytes.len());
    if let Some(hit) = cache.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(hit);
    }
    let made = Arc::new(make(bytes)?);
    if let Ok(mut m) = cache.lock() {
        m.insert(key, Arc::clone(&made));
    }
    Ok(made)
}

/// The Adler-32 checksum that ends a zlib stream.
fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes is the most that can be summed before `b` could overflow.
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    b << 16 | a
}

/// The tables of the fonts that subsetting leaves as they are (the layout tables, most
/// metrics), packed once per process: the same for every document. A table is known by where
/// its bytes lie in the font's data, which is static.
static PACKED: Cache<Packed> = LazyLock::new(Default::default);

/// `table` packed; once per process for a table borrowed whole from a static font.
fn packed(table: &[Cow<'static, [u8]>]) -> Result<Arc<Packed>, Malformed> {
    match table {
        [Cow::Borrowed(bytes)] => once(&PACKED, bytes, |b| Packed::of(&[Cow::Borrowed(b)])),
        _ => Packed::of(table).map(Arc::new),
    }
}

/// `tables` (borrowed from a static font, or new) as a WOFF 1.0 file, as browsers read it:
/// the font file [`write`] would make, each table packed. `version` is the first four bytes of
/// the original.
pub fn woff(version: &[u8], mut tables: Vec<Table<'static>>) -> Result<Vec<u8>, Malformed> {
    prepare(&mut tables);
    let mut packs = tables
        .iter()
        .map(|(tag, pieces)| {
            if tag == b"head" {
                // Packed below, once its adjustment is known.
                let head = whole(pieces);
                Ok(Arc::new(Packed {
                    checksum: checksum(&head),
                    length: head.len(),
                    stored: Vec::new(),
                }))
            } else {
                packed(pieces)
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let entries: Vec<_> = tables
        .iter()
        .zip(&packs)
        .map(|((tag, _), p)| (*tag, p.checksum, p.length))
        .collect();
    let fix = adjustment(&directory(version, &entries), entries.iter().map(|e| e.1));
    for ((tag, pieces), pack) in tables.iter().zip(&mut packs) {
        if tag == b"head" {
            let mut head = whole(pieces).into_owned();
            if let Some(adjustment) = head.get_mut(ADJUSTMENT) {
                adjustment.copy_from_slice(&fix);
            }
            *pack = Arc::new(Packed {
                checksum: pack.checksum,
                ..Packed::of(&[Cow::Owned(head)])?
            });
        }
    }
    Ok(assemble(version, &entries, &packs))
}

/// The WOFF file of the packed tables.
fn assemble(version: &[u8], entries: &[([u8; 4], u32, usize)], packs: &[Arc<Packed>]) -> Vec<u8> {
    let count = entries.len();
    let start = 44 + 20 * count;
    let mut directory = Vec::with_capacity(20 * count);
    let mut data = Vec::new();
    let mut sfnt_size = 12 + 16 * count;
    for ((tag, checksum, length), pack) in entries.iter().zip(packs) {
        directory.extend_from_slice(tag);
        for field in [start + data.len(), pack.stored.len(), *length] {
            directory.extend_from_slice(&(field as u32).to_be_bytes());
        }
        directory.extend_from_slice(&checksum.to_be_bytes());
        data.extend_from_slice(&pack.stored);
        data.resize(data.len().next_multiple_of(4), 0);
        sfnt_size += length.next_multiple_of(4);
    }
    let mut out = Vec::with_capacity(start + data.len());
    out.extend_from_slice(b"wOFF");
    out.extend_from_slice(version);
    out.extend_from_slice(&((start + data.len()) as u32).to_be_bytes());
    out.extend_from_slice(&(count as u16).to_be_bytes());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&(sfnt_size as u32).to_be_bytes());
    // Version 1.0 of the font data, then no metadata and no private block.
    out.extend_from_slice(&[0, 1, 0, 0]);
    out.extend_from_slice(&[0; 20]);
    out.extend(directory);
    out.extend(data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler32_as_zlib_computes_it() {
        assert_eq!(adler32(b""), 1);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        let long = vec![0xFFu8; 100_000];
        assert_eq!(adler32(&long), {
            let (mut a, mut b) = (1u64, 0u64);
            for &x in &long {
                a = (a + u64::from(x)) % 65521;
                b = (b + a) % 65521;
            }
            (b << 16 | a) as u32
        });
    }

    #[test]
    fn a_table_in_pieces_is_one_zlib_stream_of_the_whole() {
        use std::io::Read;
        static FIXED: [u8; 3000] = [7; 3000];
        let pieces = vec![
            Cow::Borrowed(&FIXED[..1000]),
            Cow::Owned(b"changed".repeat(50)),
            Cow::Borrowed(&FIXED[1000..]),
            Cow::Owned(Vec::new()),
        ];
        let table = whole(&pieces).into_owned();
        let packed = Packed::of(&pieces).expect("packed");
        assert!(packed.stored.len() < table.len());
        let mut unpacked = Vec::new();
        flate2::read::ZlibDecoder::new(&packed.stored[..])
            .read_to_end(&mut unpacked)
            .expect("a valid zlib stream");
        assert_eq!(unpacked, table);
    }
}
