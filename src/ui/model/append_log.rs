//! A persistent append-only list: clones share one buffer and each sees its own prefix, so
//! a reducer can extend the trace without copying it while older states still hold it.

use std::cell::{Ref, RefCell};
use std::fmt;
use std::rc::Rc;

/// The first `len` items of a shared buffer. Invariant: items below any holder's `len` are
/// never changed or removed, so every clone keeps seeing exactly what it saw. `extend` writes
/// in place only when this holder sees the whole buffer (no clone appended past it); else it
/// copies its prefix into a fresh buffer first (copy-on-write, as `Rc::make_mut`).
pub struct AppendLog<T> {
    buf: Rc<RefCell<Vec<T>>>,
    len: usize,
}

impl<T> AppendLog<T> {
    /// An empty log with a buffer of its own.
    pub fn new() -> Self {
        AppendLog {
            buf: Rc::new(RefCell::new(Vec::new())),
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The items, borrowed for reading. Never panics: the buffer is borrowed mutably only
    /// inside `extend`, which runs no caller code while it holds the borrow.
    pub fn items(&self) -> Ref<'_, [T]> {
        Ref::map(self.buf.borrow(), |v| v.get(..self.len).unwrap_or_default())
    }

    /// Identifies what this holder sees (buffer address, length), for memo keys.
    pub fn key(&self) -> (usize, usize) {
        (Rc::as_ptr(&self.buf) as *const u8 as usize, self.len)
    }
}

impl<T: Clone> AppendLog<T> {
    /// Appends `items`: in place when this holder is the buffer's newest reader, else after
    /// copying its prefix (another clone appended, or a reader holds a borrow right now).
    pub fn extend(&mut self, items: impl IntoIterator<Item = T>) {
        // Collected first, so no caller code runs while the buffer is borrowed mutably.
        let items: Vec<T> = items.into_iter().collect();
        if items.is_empty() {
            return;
        }
        let in_place = match self.buf.try_borrow_mut() {
            Ok(mut v) if v.len() == self.len => {
                v.extend(items.iter().cloned());
                true
            }
            _ => false,
        };
        if !in_place {
            let mut copy: Vec<T> = self.items().to_vec();
            copy.extend(items.iter().cloned());
            self.buf = Rc::new(RefCell::new(copy));
        }
        self.len += items.len();
    }
}

impl<T> Clone for AppendLog<T> {
    fn clone(&self) -> Self {
        AppendLog {
            buf: self.buf.clone(),
            len: self.len,
        }
    }
}

impl<T> Default for AppendLog<T> {
    fn default() -> Self {
        AppendLog::new()
    }
}

impl<T: PartialEq> PartialEq for AppendLog<T> {
    /// Same items (one buffer and length is the quick yes).
    fn eq(&self, other: &Self) -> bool {
        (Rc::ptr_eq(&self.buf, &other.buf) && self.len == other.len)
            || *self.items() == *other.items()
    }
}

impl<T: fmt::Debug> fmt::Debug for AppendLog<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.items().iter()).finish()
    }
}

impl<T: Clone> From<Vec<T>> for AppendLog<T> {
    fn from(v: Vec<T>) -> Self {
        let len = v.len();
        AppendLog {
            buf: Rc::new(RefCell::new(v)),
            len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_keep_their_prefix_while_the_newest_appends_in_place() {
        let mut a = AppendLog::from(vec![1, 2]);
        let old = a.clone();
        a.extend([3, 4]);
        assert_eq!(&*old.items(), &[1, 2]);
        assert_eq!(&*a.items(), &[1, 2, 3, 4]);
        assert_eq!(old.key().0, a.key().0, "appended in place, not copied");
    }

    #[test]
    fn a_stale_clone_copies_before_appending() {
        let mut a = AppendLog::from(vec![1]);
        let mut b = a.clone();
        a.extend([2]);
        b.extend([9]);
        assert_eq!(&*a.items(), &[1, 2]);
        assert_eq!(&*b.items(), &[1, 9]);
        assert_ne!(a.key().0, b.key().0);
    }

    #[test]
    fn appending_while_a_reader_borrows_copies_instead_of_panicking() {
        let mut a = AppendLog::from(vec![1]);
        let reader = a.clone();
        let held = reader.items();
        a.extend([2]);
        assert_eq!(&*held, &[1]);
        assert_eq!(&*a.items(), &[1, 2]);
    }

    #[test]
    fn equality_is_by_items() {
        let a = AppendLog::from(vec![1, 2]);
        let mut b = AppendLog::new();
        b.extend([1, 2]);
        assert_eq!(a, b);
        b.extend([3]);
        assert_ne!(a, b);
        assert!(AppendLog::<u8>::default().is_empty());
    }
}
