//! Slot storage with generations: ids stay small and `Copy`, a freed slot is reused, and a
//! stale id (one whose slot was freed and reused) is detected instead of aliasing.
//! Slots live in a `ChunkVec`, so a slab of 200,000 futures never reallocates or doubles.

use super::chunked::ChunkVec;

/// Invariant: `vals` and `gens` have one entry per slot ever made. The generations are a
/// table of their own: beside an 8-aligned value a `u32` costs 8 bytes, and 100,000
/// sleeping tasks hold three slots each (docs/performance.md).
pub(crate) struct Slab<T> {
    vals: ChunkVec<Option<T>>,
    gens: ChunkVec<u32>,
    free: Vec<u32>,
    len: usize,
}

impl<T> Default for Slab<T> {
    fn default() -> Self {
        Slab {
            vals: ChunkVec::default(),
            gens: ChunkVec::default(),
            free: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Slab<T> {
    /// Stores `val`, returning its `(index, generation)`.
    pub(crate) fn insert(&mut self, val: T) -> (u32, u32) {
        self.len += 1;
        if let Some(idx) = self.free.pop() {
            let slot = &mut self.vals[idx as usize];
            debug_assert!(slot.is_none());
            *slot = Some(val);
            return (idx, self.gens[idx as usize]);
        }
        let idx = self.vals.len() as u32;
        self.vals.push(Some(val));
        self.gens.push(0);
        (idx, 0)
    }

    pub(crate) fn get(&self, idx: u32, gen: u32) -> Option<&T> {
        match self.gens.get(idx as usize) {
            Some(&g) if g == gen => self.vals.get(idx as usize)?.as_ref(),
            _ => None,
        }
    }

    pub(crate) fn get_mut(&mut self, idx: u32, gen: u32) -> Option<&mut T> {
        match self.gens.get(idx as usize) {
            Some(&g) if g == gen => self.vals.get_mut(idx as usize)?.as_mut(),
            _ => None,
        }
    }

    /// Frees the slot; its next occupant gets a new generation.
    pub(crate) fn remove(&mut self, idx: u32, gen: u32) -> Option<T> {
        if self.gens.get(idx as usize) != Some(&gen) {
            return None;
        }
        let val = self.vals.get_mut(idx as usize)?.take()?;
        let g = &mut self.gens[idx as usize];
        *g = g.wrapping_add(1);
        self.free.push(idx);
        self.len -= 1;
        Some(val)
    }

    /// The current generation of slot `idx` (an occupied slot's is its id's).
    pub(crate) fn gen(&self, idx: u32) -> Option<u32> {
        self.gens.get(idx as usize).copied()
    }

    /// Every stored value, in slot order.
    pub(crate) fn values(&self) -> impl Iterator<Item = &T> + '_ {
        self.vals.iter().filter_map(|s| s.as_ref())
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }
}
