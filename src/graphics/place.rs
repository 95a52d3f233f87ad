//! Where a map's labels go: boxes that stay inside the drawing, overlap no other label, hide
//! no dot, and whose leader lines cross no other label.

/// A rectangle in the drawing's units: a label's room, or a dot's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Room {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Room {
    /// The room of a text `width` wide and `size` high whose baseline starts at `x`, `y`,
    /// anchored `anchor` (`start`, `middle` or `end`, the drawing running left to right).
    pub fn of_text(x: f64, y: f64, width: f64, size: f64, anchor: &str) -> Room {
        let left = match anchor {
            "end" => x - width,
            "middle" => x - width / 2.0,
            _ => x,
        };
        // Ascenders and Arabic marks above, descenders below.
        Room {
            left,
            top: y - size * 1.05,
            right: left + width,
            bottom: y + size * 0.45,
        }
    }

    /// The square around a dot.
    pub fn of_dot((x, y): (f64, f64), radius: f64) -> Room {
        Room {
            left: x - radius,
            top: y - radius,
            right: x + radius,
            bottom: y + radius,
        }
    }

    pub fn overlaps(&self, other: &Room) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    pub fn within(&self, outer: &Room) -> bool {
        self.left >= outer.left
            && self.top >= outer.top
            && self.right <= outer.right
            && self.bottom <= outer.bottom
    }

    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        (self.left..=self.right).contains(&x) && (self.top..=self.bottom).contains(&y)
    }

    /// The same room, `by` larger on every side.
    pub fn grown(&self, by: f64) -> Room {
        Room {
            left: self.left - by,
            top: self.top - by,
            right: self.right + by,
            bottom: self.bottom + by,
        }
    }

    /// The point of the room nearest to `p`.
    pub fn nearest(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (
            x.clamp(self.left, self.right),
            y.clamp(self.top, self.bottom),
        )
    }

    /// Whether the segment from `a` to `b` passes through the room (Liang–Barsky).
    pub fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut from, mut to) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a.0 - self.left),
            (dx, self.right - a.0),
            (-dy, a.1 - self.top),
            (dy, self.bottom - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else if p < 0.0 {
                from = from.max(q / p);
            } else {
                to = to.min(q / p);
            }
        }
        from < to
    }
}

/// Whether `p` lies inside the polygon `ring` (even–odd rule).
pub fn inside(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for pair in ring.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        if (y0 > y) != (y1 > y) && x < x0 + (y - y0) * (x1 - x0) / (y1 - y0) {
            inside = !inside;
        }
    }
    inside
}

/// What a new label must keep clear of: the labels and dots already there, and the leader
/// lines already drawn.
#[derive(Debug, Clone, Default)]
pub struct Taken {
    pub rooms: Vec<Room>,
    pub leaders: Vec<((f64, f64), (f64, f64))>,
}

impl Taken {
    /// Whether a label in `room`, with a leader from `leader`, fits among what is there:
    /// inside `bounds`, clear of every room (by a margin), its leader crossing no room and
    /// no leader crossing it.
    pub fn fits(
        &self,
        room: &Room,
        leader: Option<((f64, f64), (f64, f64))>,
        bounds: &Room,
    ) -> bool {
        if !room.within(bounds) {
            return false;
        }
        let padded = room.grown(2.0);
        if self.rooms.iter().any(|r| r.overlaps(&padded)) {
            return false;
        }
        if self.leaders.iter().any(|&(a, b)| padded.crossed_by(a, b)) {
            return false;
        }
        match leader {
            // The leader leaves the label and ends at the city's ring, inside the city's
            // own room: it may not cross another label or dot on the way.
            Some((a, b)) => !self
                .rooms
                .iter()
                .any(|r| r.crossed_by(a, b) && !r.contains(b)),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_through_a_room_crosses_it_and_one_beside_it_does_not() {
        let room = Room {
            left: 0.0,
            top: 0.0,
            right: 10.0,
            bottom: 10.0,
        };
        assert!(room.crossed_by((-5.0, 5.0), (15.0, 5.0)));
        assert!(!room.crossed_by((-5.0, 15.0), (15.0, 15.0)));
        assert!(!room.crossed_by((-5.0, 5.0), (-1.0, 5.0)));
    }

    #[test]
    fn a_point_in_a_square_is_inside_and_one_beyond_it_is_not() {
        let ring = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)];
        assert!(inside(&ring, (1.0, 1.0)));
        assert!(!inside(&ring, (3.0, 1.0)));
    }
}
