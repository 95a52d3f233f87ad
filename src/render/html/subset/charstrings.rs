//! Which subroutines the kept glyphs of a CFF font call: each Type 2 charstring is followed
//! through its calls, counting stem hints to step over the hint masks.

/// Subroutine numbers are stored minus a bias that depends on how many there are.
pub fn bias(count: usize) -> i64 {
    match count {
        0..1240 => 107,
        1240..33900 => 1131,
        _ => 32768,
    }
}

/// The subroutines a font's glyphs call, global and local.
pub struct Calls<'a> {
    global: &'a [&'a [u8]],
    local: &'a [&'a [u8]],
    /// Whether each global subroutine is called.
    pub global_used: Vec<bool>,
    /// Whether each local subroutine is called.
    pub local_used: Vec<bool>,
    stack: Vec<i64>,
    stems: usize,
}

impl<'a> Calls<'a> {
    pub fn new(global: &'a [&'a [u8]], local: &'a [&'a [u8]]) -> Calls<'a> {
        Calls {
            global,
            local,
            global_used: vec![false; global.len()],
            local_used: vec![false; local.len()],
            stack: Vec::new(),
            stems: 0,
        }
    }

    /// Follows one glyph's charstring. `None` when it does something this reading does not
    /// follow (arithmetic, an accented `endchar`, a call out of range, calls nested too deep):
    /// the caller then keeps every subroutine.
    pub fn glyph(&mut self, code: &[u8]) -> Option<()> {
        self.stack.clear();
        self.stems = 0;
        self.run(code, 0).map(|_| ())
    }

    /// Runs `code`; `Some(true)` when the glyph ended in it.
    fn run(&mut self, code: &[u8], depth: u8) -> Option<bool> {
        if depth > 10 {
            return None;
        }
        let mut i = 0;
        while let Some(&b0) = code.get(i) {
            let byte = |k: usize| code.get(i + k).copied().map(i64::from);
            match b0 {
                28 => {
                    let v = i16::from_be_bytes([code.get(i + 1).copied()?, byte(2)? as u8]);
                    self.stack.push(i64::from(v));
                    i += 3;
                }
                32..=246 => {
                    self.stack.push(i64::from(b0) - 139);
                    i += 1;
                }
                247..=250 => {
                    self.stack
                        .push((i64::from(b0) - 247) * 256 + byte(1)? + 108);
                    i += 2;
                }
                251..=254 => {
                    self.stack
                        .push(-(i64::from(b0) - 251) * 256 - byte(1)? - 108);
                    i += 2;
                }
                255 => {
                    let v = code.get(i + 1..i + 5)?;
                    self.stack
                        .push(i64::from(i32::from_be_bytes(v.try_into().ok()?) >> 16));
                    i += 5;
                }
                // hstem, vstem, hstemhm, vstemhm
                1 | 3 | 18 | 23 => {
                    self.stems += self.stack.len() / 2;
                    self.stack.clear();
                    i += 1;
                }
                // hintmask, cntrmask: an implicit vstem, then one bit per stem.
                19 | 20 => {
                    self.stems += self.stack.len() / 2;
                    self.stack.clear();
                    i += 1 + self.stems.div_ceil(8);
                }
                // callsubr, callgsubr
                10 | 29 => {
                    let (subrs, used) = if b0 == 10 {
                        (self.local, &mut self.local_used)
                    } else {
                        (self.global, &mut self.global_used)
                    };
                    let n = usize::try_from(self.stack.pop()? + bias(subrs.len())).ok()?;
                    let subr = *subrs.get(n)?;
                    *used.get_mut(n)? = true;
                    if self.run(subr, depth + 1)? {
                        return Some(true);
                    }
                    i += 1;
                }
                11 => return Some(false),
                14 => return (self.stack.len() < 4).then_some(true),
                // dotsection and the flex operators; anything else escaped is arithmetic.
                12 => match byte(1)? {
                    0 | 34..=37 => {
                        self.stack.clear();
                        i += 2;
                    }
                    _ => return None,
                },
                _ => {
                    self.stack.clear();
                    i += 1;
                }
            }
        }
        Some(false)
    }
}
