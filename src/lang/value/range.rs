//! `range` (CPython `Objects/rangeobject.c`), restricted to `i64` bounds.

use super::{PyErr, PyResult};

/// `range(start, stop, step)`. Invariant: `step != 0`.
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn new(start: i64, stop: i64, step: i64) -> PyResult<Range> {
        if step == 0 {
            return Err(PyErr::value_error("range() arg 3 must not be zero"));
        }
        Ok(Range { start, stop, step })
    }
    /// Number of elements (`compute_range_length`).
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Element `i` (`0 <= i < len`).
    pub fn at(&self, i: i64) -> i64 {
        (self.start as i128 + i as i128 * self.step as i128) as i64
    }
    pub fn contains(&self, x: i64) -> bool {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let x = x as i128;
        let inside = if step > 0 {
            lo <= x && x < hi
        } else {
            hi < x && x <= lo
        };
        inside && (x - lo) % step == 0
    }
}
