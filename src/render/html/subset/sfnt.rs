//! The table directory of a TrueType/OpenType file: read it, write it back.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use super::Malformed;

/// A table: its tag and its bytes.
pub type Table = ([u8; 4], Vec<u8>);

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
pub fn tables(data: &[u8]) -> Result<Vec<Table>, Malformed> {
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
            Ok((tag, bytes.to_vec()))
        })
        .collect()
}

/// A copy of the table `tag`.
pub fn find(tables: &[Table], tag: &[u8; 4]) -> Option<Vec<u8>> {
    tables
        .iter()
        .find(|(t, _)| t == tag)
        .map(|(_, d)| d.clone())
}

/// Puts `bytes` in the place of the table `tag`.
pub fn replace(tables: &mut [Table], tag: &[u8; 4], bytes: Vec<u8>) {
    if let Some(table) = tables.iter_mut().find(|(t, _)| t == tag) {
        table.1 = bytes;
    }
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// A font file of `tables`, sorted by tag as the format asks, with their checksums and the
/// `head` table's checksum adjustment. `version` is the first four bytes of the original.
pub fn write(version: &[u8], mut tables: Vec<Table>) -> Vec<u8> {
    tables.sort_by_key(|a| a.0);
    let count = tables.len() as u16;
    let selector = 15 - count.max(1).leading_zeros() as u16;
    let range = (1u16 << selector) * 16;
    let size: usize = tables
        .iter()
        .map(|(_, b)| b.len().next_multiple_of(4))
        .sum();
    let mut out = Vec::with_capacity(12 + 16 * tables.len() + size);
    out.extend_from_slice(version);
    for field in [count, range, selector, count * 16 - range] {
        out.extend_from_slice(&field.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, bytes) in &mut tables {
        if tag == b"head" && bytes.len() >= 12 {
            bytes[8..12].fill(0);
            head_at = Some(offset + 8);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(bytes).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
        offset += bytes.len().next_multiple_of(4);
    }
    for (_, bytes) in &tables {
        out.extend_from_slice(bytes);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBA_u32.wrapping_sub(checksum(&out));
        out[at..at + 4].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// `sfnt` (as [`write`] made it) as WOFF 1.0: each table compressed with zlib where that makes
/// it smaller, as browsers read it. zlib's default level: level 9 saves 0.4 % for twice the
/// time. Either gives the same bytes at every run.
pub fn woff(sfnt: &[u8]) -> Result<Vec<u8>, Malformed> {
    let count = usize::from(u16_at(sfnt, 4)?);
    let mut directory = Vec::with_capacity(20 * count);
    let mut data = Vec::with_capacity(sfnt.len());
    let mut sfnt_size = 12 + 16 * count;
    let start = 44 + 20 * count;
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag = sfnt
            .get(record..record + 4)
            .ok_or(Malformed("truncated directory"))?;
        let checksum = u32_at(sfnt, record + 4)?;
        let offset = u32_at(sfnt, record + 8)? as usize;
        let length = u32_at(sfnt, record + 12)? as usize;
        let table = sfnt
            .get(offset..offset + length)
            .ok_or(Malformed("table out of the file"))?;
        let packed = packed(tag, table)?;
        let stored = if packed.len() < length {
            &packed[..]
        } else {
            table
        };
        directory.extend_from_slice(tag);
        for field in [start + data.len(), stored.len(), length] {
            directory.extend_from_slice(&(field as u32).to_be_bytes());
        }
        directory.extend_from_slice(&checksum.to_be_bytes());
        data.extend_from_slice(stored);
        data.resize(data.len().next_multiple_of(4), 0);
        sfnt_size += length.next_multiple_of(4);
    }
    let mut out = Vec::with_capacity(44 + directory.len() + data.len());
    out.extend_from_slice(b"wOFF");
    out.extend_from_slice(sfnt.get(..4).ok_or(Malformed("truncated header"))?);
    out.extend_from_slice(&((start + data.len()) as u32).to_be_bytes());
    out.extend_from_slice(&(count as u16).to_be_bytes());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&(sfnt_size as u32).to_be_bytes());
    // Version 1.0 of the font data, then no metadata and no private block.
    out.extend_from_slice(&[0, 1, 0, 0]);
    out.extend_from_slice(&[0; 20]);
    out.extend_from_slice(&directory);
    out.extend_from_slice(&data);
    Ok(out)
}

/// The tables that subsetting leaves as they are, compressed once per process: the layout
/// tables and metrics come out the same for every document.
static PACKED: LazyLock<Mutex<HashMap<Vec<u8>, Vec<u8>>>> = LazyLock::new(Default::default);

/// `table` compressed with zlib.
fn packed(tag: &[u8], table: &[u8]) -> Result<Vec<u8>, Malformed> {
    use std::io::Write;
    let shared = !matches!(tag, b"glyf" | b"loca" | b"CFF " | b"head" | b"hmtx");
    if shared && let Some(hit) = PACKED.lock().ok().and_then(|m| m.get(table).cloned()) {
        return Ok(hit);
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let packed = z
        .write_all(table)
        .and_then(|()| z.finish())
        .map_err(|_| Malformed("zlib failed"))?;
    if shared && let Ok(mut m) = PACKED.lock() {
        m.insert(table.to_vec(), packed.clone());
    }
    Ok(packed)
}
