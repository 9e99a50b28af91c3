//! A growable array stored in fixed-size chunks: indexing like a `Vec`, but growing never
//! copies what is stored nor doubles the reservation, so 100,000 tasks cost what they hold.

use std::ops::{Index, IndexMut};

/// Elements per chunk: large enough that the extra indirection is noise, small enough that
/// the last chunk's unused tail (at most one chunk) is too.
const CHUNK: usize = 1024;

/// An append-only `Vec` replacement for the loop's big tables (tasks, future and handle
/// slots). Invariant: every chunk but the last is full, and each was allocated with exactly
/// `CHUNK` capacity, so `len() == (chunks - 1) * CHUNK + last.len()`.
pub(crate) struct ChunkVec<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for ChunkVec<T> {
    fn default() -> Self {
        ChunkVec {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> ChunkVec<T> {
    /// How many elements are stored.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Appends `val` at index `len()`; allocates one new chunk every `CHUNK` pushes and never
    /// moves existing elements.
    pub(crate) fn push(&mut self, val: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => last.push(val),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(val);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    /// The element at `i`, or `None` past the end.
    pub(crate) fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK)
    }

    /// The element at `i`, mutably, or `None` past the end.
    pub(crate) fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        self.chunks.get_mut(i / CHUNK)?.get_mut(i % CHUNK)
    }

    /// The elements in index order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.chunks.iter().flatten()
    }
}

impl<T> Index<usize> for ChunkVec<T> {
    type Output = T;
    /// Panics past the end, as `Vec` does: only for indices the loop itself handed out.
    fn index(&self, i: usize) -> &T {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl<T> IndexMut<usize> for ChunkVec<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        &mut self.chunks[i / CHUNK][i % CHUNK]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_like_a_vec_across_chunk_boundaries() {
        let mut v = ChunkVec::default();
        let n = 3 * CHUNK + 7;
        for i in 0..n {
            v.push(i);
        }
        assert_eq!(v.len(), n);
        assert_eq!(v.chunks.len(), 4);
        for i in [0, CHUNK - 1, CHUNK, 2 * CHUNK + 1, n - 1] {
            assert_eq!(v.get(i), Some(&i));
            assert_eq!(v[i], i);
        }
        assert_eq!(v.get(n), None);
        assert_eq!(v.get_mut(n), None);
        *v.get_mut(CHUNK).unwrap() = 0;
        v[CHUNK + 1] = 1;
        assert_eq!((v[CHUNK], v[CHUNK + 1]), (0, 1));
        assert_eq!(v.iter().count(), n);
        assert_eq!(v.iter().nth(2 * CHUNK), Some(&(2 * CHUNK)));
    }

    #[test]
    fn chunks_are_allocated_full_size_once_and_never_move() {
        let mut v = ChunkVec::default();
        v.push(String::from("first"));
        let first = v[0].as_ptr();
        for i in 1..(2 * CHUNK) {
            v.push(i.to_string());
        }
        assert_eq!(v[0].as_ptr(), first);
        assert!(v.chunks.iter().all(|c| c.capacity() == CHUNK));
    }

    #[test]
    fn empty() {
        let v: ChunkVec<u8> = ChunkVec::default();
        assert_eq!(v.len(), 0);
        assert_eq!(v.get(0), None);
        assert_eq!(v.iter().next(), None);
    }
}
