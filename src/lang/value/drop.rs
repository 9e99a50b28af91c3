//! Dropping deeply nested containers without deep native recursion (CPython's
//! "trashcan", `Include/cpython/object.h` `Py_TRASHCAN_BEGIN`): a container being freed
//! inside another container's drop hands its items to a queue instead of recursing.

use std::cell::{Cell, RefCell};

use super::Value;

thread_local! {
    static DROPPING: Cell<bool> = const { Cell::new(false) };
    static PENDING: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
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
    loop {
        let batch = PENDING
            .try_with(|p| {
                p.try_borrow_mut()
                    .map(|mut q| std::mem::take(&mut *q))
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        if batch.is_empty() {
            break;
        }
        drop(batch);
    }
    let _ = DROPPING.try_with(|d| d.set(false));
}
