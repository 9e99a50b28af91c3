//! What the VM remembers per task (its coroutine, how it ended, where it stopped), in
//! tables indexed by task id: ids are dense (creation order), so a chunked array costs one
//! slot per task where a hash map cost two to four (docs/performance.md, 100,000 tasks).

use crate::runtime::chunked::ChunkVec;

/// A map from task id to `T`. Invariant: `slots.len()` is one past the largest id ever
/// set (ids below it that were never set hold `None`).
pub(crate) struct PerTask<T> {
    slots: ChunkVec<Option<T>>,
}

impl<T> Default for PerTask<T> {
    fn default() -> Self {
        PerTask {
            slots: ChunkVec::default(),
        }
    }
}

impl<T> PerTask<T> {
    /// The value for task `t`, if one was set.
    pub(crate) fn get(&self, t: u32) -> Option<&T> {
        self.slots.get(t as usize)?.as_ref()
    }

    /// The slot for task `t`, made (empty) if the table is shorter.
    fn slot(&mut self, t: u32) -> &mut Option<T> {
        while self.slots.len() <= t as usize {
            self.slots.push(None);
        }
        &mut self.slots[t as usize]
    }

    /// Sets the value for task `t`.
    pub(crate) fn insert(&mut self, t: u32, v: T) {
        *self.slot(t) = Some(v);
    }

    /// Sets the value for task `t` unless it has one.
    pub(crate) fn insert_if_absent(&mut self, t: u32, v: impl FnOnce() -> T) {
        let slot = self.slot(t);
        if slot.is_none() {
            *slot = Some(v());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PerTask;

    #[test]
    fn gets_what_was_set_and_nothing_else() {
        let mut m = PerTask::default();
        assert_eq!(m.get(0), None);
        m.insert(2500, "a");
        assert_eq!(m.get(2500), Some(&"a"));
        assert_eq!(m.get(7), None, "ids below the largest are empty until set");
        assert_eq!(m.get(2501), None);
        m.insert_if_absent(2500, || "b");
        m.insert_if_absent(3, || "c");
        assert_eq!((m.get(2500), m.get(3)), (Some(&"a"), Some(&"c")));
        m.insert(3, "d");
        assert_eq!(m.get(3), Some(&"d"));
    }
}
