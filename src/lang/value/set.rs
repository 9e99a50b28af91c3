//! `set` and `frozenset`: CPython's own table (`Objects/setobject.c`: `set_add_entry`,
//! `set_insert_clean`, `set_table_resize`, `set_pop`), so iteration order is CPython's for
//! ints (whose hash is the value). String hashes differ (CPython randomises them per run,
//! so programs printing sets of strings are not deterministic there either).

use super::dict::KeyEq;
use super::{PyResult, Value};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Unused,
    Dummy,
    Active(i64, Value),
}

/// A CPython-layout hash set. Invariants: `table.len() == mask + 1` is a power of two;
/// `fill` counts active + dummy slots, `used` active ones; `fill * 5 < mask * 3` after
/// every insertion (the table resizes otherwise).
#[derive(Clone)]
pub struct PySet {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
    pub version: u64,
}

impl Default for PySet {
    fn default() -> Self {
        PySet {
            table: vec![Slot::Unused; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

impl PySet {
    pub fn new() -> PySet {
        PySet::default()
    }
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Whether an equal key is present.
    pub fn contains(&self, hash: i64, key: &Value, eq: &mut KeyEq) -> PyResult<bool> {
        Ok(self.find(hash, key, eq)?.is_some())
    }

    fn find(&self, hash: i64, key: &Value, eq: &mut KeyEq) -> PyResult<Option<usize>> {
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for k in 0..=probes {
                let j = i + k;
                match &self.table[j] {
                    Slot::Unused => return Ok(None),
                    Slot::Active(h, v) if *h == hash && (v.is(key) || eq(v, key)?) => {
                        return Ok(Some(j))
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Adds `key` (`set_add_entry`); returns whether it was new.
    pub fn add(&mut self, hash: i64, key: Value, eq: &mut KeyEq) -> PyResult<bool> {
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        let target = 'outer: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for k in 0..=probes {
                let j = i + k;
                match &self.table[j] {
                    Slot::Unused => break 'outer j,
                    Slot::Active(h, v) => {
                        if *h == hash && (v.is(&key) || eq(v, &key)?) {
                            return Ok(false);
                        }
                    }
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(j);
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        self.version += 1;
        if let Some(f) = freeslot {
            self.used += 1;
            self.table[f] = Slot::Active(hash, key);
            return Ok(true);
        }
        self.fill += 1;
        self.used += 1;
        self.table[target] = Slot::Active(hash, key);
        if self.fill * 5 >= mask * 3 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
        Ok(true)
    }

    /// `set_table_resize`: the smallest power of two above `minused`, re-inserting active
    /// entries in table order.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; newsize]);
        let mask = newsize - 1;
        for s in old {
            if let Slot::Active(h, v) = s {
                let j = insert_clean_slot(&self.table, mask, h);
                self.table[j] = Slot::Active(h, v);
            }
        }
        self.fill = self.used;
    }

    /// Removes `key`; returns whether it was present (`set_discard_entry`).
    pub fn discard(&mut self, hash: i64, key: &Value, eq: &mut KeyEq) -> PyResult<bool> {
        match self.find(hash, key, eq)? {
            Some(j) => {
                self.table[j] = Slot::Dummy;
                self.used -= 1;
                self.version += 1;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// `set.pop()` from the finger position (`set_pop`).
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let n = self.table.len();
        let mut j = self.finger & self.mask();
        while !matches!(self.table[j], Slot::Active(..)) {
            j = (j + 1) % n;
        }
        let Slot::Active(_, v) = std::mem::replace(&mut self.table[j], Slot::Dummy) else {
            return None;
        };
        self.used -= 1;
        self.finger = j + 1;
        self.version += 1;
        Some(v)
    }

    pub fn clear(&mut self) {
        let v = self.version + 1;
        *self = PySet {
            version: v,
            ..PySet::default()
        };
    }

    /// Active entries in table order, with their hashes.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(h, v) => Some((*h, v)),
            _ => None,
        })
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }

    /// The active entry at or after raw slot `pos`, with the next position to look at.
    pub fn entry_from(&self, pos: usize) -> Option<(usize, &Value)> {
        self.table[pos.min(self.table.len())..]
            .iter()
            .enumerate()
            .find_map(|(k, s)| match s {
                Slot::Active(_, v) => Some((pos + k + 1, v)),
                _ => None,
            })
    }

    /// `hash(frozenset)` (`frozenset_hash`).
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for (h, _) in self.iter() {
            hash ^= shuffle(h as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        let h = hash as i64;
        if h == -1 {
            590923713
        } else {
            h
        }
    }
}

fn insert_clean_slot(table: &[Slot], mask: usize, hash: i64) -> usize {
    let mut i = hash as u64 as usize & mask;
    let mut perturb = hash as u64;
    loop {
        if matches!(table[i], Slot::Unused) {
            return i;
        }
        if i + LINEAR_PROBES <= mask {
            for k in 1..=LINEAR_PROBES {
                if matches!(table[i + k], Slot::Unused) {
                    return i + k;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn ints(xs: &[i64]) -> Vec<i64> {
        let mut s = PySet::new();
        for &x in xs {
            let h = super::super::int::hash(super::super::int::IntRef::Small(x));
            s.add(h, Value::Int(x), &mut |a, b| {
                Ok(super::super::dict::simple_eq(a, b).unwrap_or(false))
            })
            .unwrap();
        }
        s.values()
            .iter()
            .map(|v| if let Value::Int(i) = v { *i } else { 0 })
            .collect()
    }
    #[test]
    fn int_order_matches_cpython() {
        // python3 -c "print(list({5, 3, 100, 1, 8, -1}))" -> [1, 3, 100, 5, 8, -1]
        assert_eq!(ints(&[5, 3, 100, 1, 8, -1]), vec![1, 3, 100, 5, 8, -1]);
        // python3 -c "print(list(set([33, 1, 17, 2, 64, 9])))" -> [64, 33, 2, 1, 9, 17]
        assert_eq!(ints(&[33, 1, 17, 2, 64, 9]), vec![64, 33, 2, 1, 9, 17]);
    }
}
