//! The ready queue's storage: a FIFO queue in fixed-size chunks. A `VecDeque` keeps its
//! largest buffer forever (100,000 `create_task`s schedule 100,000 first steps at once:
//! 4 MB of wasm memory held for the rest of the run); here each chunk is freed as soon as
//! it is drained, and pushing never copies what is queued.

use std::collections::VecDeque;

/// Elements per chunk (a few KB: the allocator reuses a freed chunk for small objects).
const CHUNK: usize = 256;

/// A queue with `VecDeque`'s `push_back`/`pop_front`. Invariant: no chunk is empty except
/// a lone one (kept so a queue that fills and drains by one does not allocate each time),
/// and every chunk was allocated with capacity `CHUNK` and never holds more, so it never
/// reallocates.
pub(crate) struct ChunkQueue<T> {
    chunks: VecDeque<VecDeque<T>>,
    len: usize,
}

impl<T> Default for ChunkQueue<T> {
    fn default() -> Self {
        ChunkQueue {
            chunks: VecDeque::new(),
            len: 0,
        }
    }
}

impl<T> ChunkQueue<T> {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends `val` at the back.
    pub(crate) fn push_back(&mut self, val: T) {
        match self.chunks.back_mut() {
            Some(last) if last.len() < CHUNK => last.push_back(val),
            _ => {
                let mut chunk = VecDeque::with_capacity(CHUNK);
                chunk.push_back(val);
                self.chunks.push_back(chunk);
            }
        }
        self.len += 1;
    }

    /// Removes the front element; frees its chunk once drained, unless it is the last one.
    pub(crate) fn pop_front(&mut self) -> Option<T> {
        let first = self.chunks.front_mut()?;
        let val = first.pop_front()?;
        if first.is_empty() && self.chunks.len() > 1 {
            self.chunks.pop_front();
        }
        self.len -= 1;
        Some(val)
    }

    /// The elements front to back.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.chunks.iter().flatten()
    }
}

impl<'a, T> IntoIterator for &'a ChunkQueue<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Flatten<std::collections::vec_deque::Iter<'a, VecDeque<T>>>;
    fn into_iter(self) -> Self::IntoIter {
        self.chunks.iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_in_first_out_across_chunks() {
        let mut q = ChunkQueue::default();
        assert_eq!(q.pop_front(), None);
        let n = 3 * CHUNK + 5;
        for i in 0..n {
            q.push_back(i);
        }
        assert_eq!(q.len(), n);
        assert_eq!(q.iter().copied().nth(CHUNK), Some(CHUNK));
        for i in 0..n {
            assert_eq!(q.pop_front(), Some(i));
        }
        assert!(q.is_empty());
        assert_eq!(q.pop_front(), None);
    }

    #[test]
    fn drained_chunks_are_freed_but_the_last_is_kept() {
        let mut q = ChunkQueue::default();
        for i in 0..(4 * CHUNK) {
            q.push_back(i);
        }
        assert_eq!(q.chunks.len(), 4);
        for _ in 0..(2 * CHUNK + 1) {
            q.pop_front();
        }
        assert_eq!(q.chunks.len(), 2, "two drained chunks are gone");
        while q.pop_front().is_some() {}
        assert_eq!(q.chunks.len(), 1);
        // Interleaved pushes and pops (a task switching) stay in that one chunk.
        for i in 0..(10 * CHUNK) {
            q.push_back(i);
            assert_eq!(q.pop_front(), Some(i));
        }
        assert_eq!(q.chunks.len(), 1);
        assert!(q
            .chunks
            .iter()
            .all(|c| c.capacity() >= CHUNK && c.len() <= CHUNK));
    }
}
