//! Dropping deeply nested containers without deep native recursion (CPython's
//! "trashcan", `Include/cpython/object.h` `Py_TRASHCAN_BEGIN`): a container being freed
//! inside another container's drop hands its items to a queue instead of recursing.

use std::cell::{Cell, RefCell};
use std::mem::ManuallyDrop;

use super::Value;

thread_local! {
    static DROPPING: Cell<bool> = const { Cell::new(false) };
    /// Values that may still be freed before the rest waits for `drain_garbage` (no bound
    /// until a session sets one per slice with `set_slice_budget`).
    static BUDGET: Cell<usize> = const { Cell::new(usize::MAX) };
    /// Values waiting to be freed. `ManuallyDrop`: the queue has no thread-exit destructor,
    /// which would free what is left recursively once this queue is gone (a stack overflow
    /// for deep garbage); what a thread leaves here at exit is simply not freed.
    static PENDING: RefCell<ManuallyDrop<Vec<Value>>> =
        const { RefCell::new(ManuallyDrop::new(Vec::new())) };
}

/// Drops `items`; nested containers freed meanwhile are drained iteratively.
pub fn drop_values(items: Vec<Value>) {
    if items.is_empty() {
        return;
    }
    // At thread exit the queue may already be gone: then drop directly.
    let Ok(nested) = DROPPING.try_with(|d| d.replace(true)) else {
        drop(items);
        return;
    };
    if nested {
        let mut items = Some(items);
        let _ = PENDING.try_with(|p| {
            if let (Ok(mut q), Some(v)) = (p.try_borrow_mut(), items.take()) {
                q.extend(v);
            }
        });
        drop(items);
        return;
    }
    drop(items);
    drain();
    let _ = DROPPING.try_with(|d| d.set(false));
}

/// Values one slice of the browser session frees before leaving the rest for the next:
/// freeing 256 MiB of nested lists at once (a memory bomb stopped by its limit) held the
/// page's thread for 60-100 ms.
pub const DROP_BUDGET: usize = 200_000;

/// Sets how many queued values may be freed from now until the next call (a slice's share).
pub fn set_slice_budget(n: usize) {
    let _ = BUDGET.try_with(|b| b.set(n));
}

/// Frees queued values while the budget lasts; true when some are left. Call with
/// `DROPPING` set.
fn drain() -> bool {
    loop {
        let left = BUDGET.try_with(|b| b.get()).unwrap_or(usize::MAX);
        if left == 0 {
            return garbage_pending();
        }
        let batch = PENDING
            .try_with(|p| {
                p.try_borrow_mut()
                    .map(|mut q| {
                        let n = q.len().min(left);
                        let at = q.len() - n;
                        q.split_off(at)
                    })
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        if batch.is_empty() {
            return false;
        }
        let _ = BUDGET.try_with(|b| b.set(left.saturating_sub(batch.len())));
        drop(batch);
    }
}

/// Whether values from an earlier drop still wait to be freed.
pub fn garbage_pending() -> bool {
    PENDING
        .try_with(|p| p.try_borrow().is_ok_and(|q| !q.is_empty()))
        .unwrap_or(false)
}

/// Frees values left by earlier drops while the budget lasts (a no-op inside another drop);
/// true when some are still left.
pub fn drain_garbage() -> bool {
    let Ok(false) = DROPPING.try_with(|d| d.replace(true)) else {
        return garbage_pending();
    };
    let more = drain();
    let _ = DROPPING.try_with(|d| d.set(false));
    more
}
