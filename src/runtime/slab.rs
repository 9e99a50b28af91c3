//! Slot storage with generations: ids stay small and `Copy`, a freed slot is reused, and a
//! stale id (one whose slot was freed and reused) is detected instead of aliasing.
//! Slots live in a `ChunkVec`, so a slab of 200,000 futures never reallocates or doubles.

use super::chunked::ChunkVec;

pub(crate) struct Slab<T> {
    slots: ChunkVec<Slot<T>>,
    free: Vec<u32>,
    len: usize,
}

struct Slot<T> {
    gen: u32,
    val: Option<T>,
}

impl<T> Default for Slab<T> {
    fn default() -> Self {
        Slab {
            slots: ChunkVec::default(),
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
            let slot = &mut self.slots[idx as usize];
            debug_assert!(slot.val.is_none());
            slot.val = Some(val);
            return (idx, slot.gen);
        }
        let idx = self.slots.len() as u32;
        self.slots.push(Slot {
            gen: 0,
            val: Some(val),
        });
        (idx, 0)
    }

    pub(crate) fn get(&self, idx: u32, gen: u32) -> Option<&T> {
        match self.slots.get(idx as usize) {
            Some(s) if s.gen == gen => s.val.as_ref(),
            _ => None,
        }
    }

    pub(crate) fn get_mut(&mut self, idx: u32, gen: u32) -> Option<&mut T> {
        match self.slots.get_mut(idx as usize) {
            Some(s) if s.gen == gen => s.val.as_mut(),
            _ => None,
        }
    }

    /// Frees the slot; its next occupant gets a new generation.
    pub(crate) fn remove(&mut self, idx: u32, gen: u32) -> Option<T> {
        let slot = self.slots.get_mut(idx as usize)?;
        if slot.gen != gen {
            return None;
        }
        let val = slot.val.take()?;
        slot.gen = slot.gen.wrapping_add(1);
        self.free.push(idx);
        self.len -= 1;
        Some(val)
    }

    /// Every stored value, in slot order.
    pub(crate) fn values(&self) -> impl Iterator<Item = &T> + '_ {
        self.slots.iter().filter_map(|s| s.val.as_ref())
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }
}
