//! Memory accounting for the memory limit: the process allocator, wrapped to count the bytes
//! each thread holds (allocated minus freed), so every Python object, frame and task counts
//! without a counter at each allocation site. One thread runs one program here (the page's
//! thread on wasm32; a test's thread natively), so the count is per thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    /// Bytes allocated minus bytes freed by this thread (negative when it frees memory
    /// another thread allocated).
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

/// Heap bytes this thread holds now (allocated and not yet freed by it).
pub fn live_bytes() -> usize {
    LIVE.try_with(|c| c.get()).unwrap_or(0).max(0) as usize
}

fn add(n: isize) {
    // `try_with`: the allocator may run while the thread is being torn down.
    let _ = LIVE.try_with(|c| c.set(c.get().wrapping_add(n)));
}

/// The system allocator, counting live bytes per thread.
pub struct Counting;

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the count
// is a thread-local `Cell` with a const initialiser and no destructor, so touching it never
// allocates or re-enters the allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        add(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            add(new_size as isize - layout.size() as isize);
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[cfg(test)]
mod tests {
    use super::live_bytes;

    #[test]
    fn counts_what_this_thread_holds() {
        let before = live_bytes();
        let v: Vec<u8> = Vec::with_capacity(1 << 20);
        assert!(live_bytes() >= before + (1 << 20));
        drop(v);
        assert!(live_bytes() < before + (1 << 20));
    }
}
