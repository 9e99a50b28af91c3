//! `asyncio.gather(*aws, return_exceptions)`: an outer future over children, results in
//! argument order; cancelling the outer cancels the children. Follows CPython `tasks.gather`
//! and `_GatheringFuture`.

use std::rc::Rc;

use super::event_loop::Callback;
use super::future::{FutKind, FutState};
use super::host::{Host, RuntimeExc};
use super::trace::{CancelCause, Waitable};
use super::{FutId, Loop};

pub(crate) struct GatherState {
    pub(crate) outer: FutId,
    /// One per argument (duplicates kept, as CPython's `children`).
    pub(crate) children: Vec<FutId>,
    nfuts: usize,
    nfinished: usize,
    return_exceptions: bool,
    /// `_GatheringFuture._cancel_requested`.
    cancel_requested: bool,
}

impl<H: Host> Loop<H> {
    /// `asyncio.gather(*children, return_exceptions=...)` over futures/tasks (the VM wraps
    /// coroutine arguments in tasks first, one task per distinct coroutine object). Returns
    /// the outer future: the list of results in argument order; without
    /// `return_exceptions`, the first exception (or a child's cancellation) is propagated at
    /// once. Cancelling the outer future cancels every child not yet done.
    pub fn gather(&mut self, host: &mut H, children: Vec<FutId>, return_exceptions: bool) -> FutId {
        if children.is_empty() {
            let outer = self.new_future(Waitable::Gather, FutKind::Plain);
            let empty = host.list(Vec::new());
            self.complete(outer, FutState::Finished(Ok(empty)));
            return outer;
        }
        let g = self.lib.gathers.len() as u32;
        let mut done_futs = Vec::new();
        let mut nfuts = 0;
        // A bit per future slot, not a `HashSet`: `gather(*tasks)` over 100,000 tasks made a
        // 1 MB set while they all slept (docs/performance.md). Children are live futures
        // (the VM holds their objects), so equal slot indices mean the same future.
        let words = children.iter().map(|f| f.idx as usize / 64 + 1).max();
        let mut seen = vec![0u64; words.unwrap_or(0)];
        for &f in &children {
            let (word, bit) = (f.idx as usize / 64, 1u64 << (f.idx % 64));
            if seen[word] & bit != 0 {
                continue; // a duplicate: same child future
            }
            seen[word] |= bit;
            nfuts += 1;
            if self.future_done(f) {
                done_futs.push(f);
            } else {
                self.add_callback(f, Callback::GatherChildDone { gather: g });
            }
        }
        let outer = self.new_future(Waitable::Gather, FutKind::Gather(g));
        self.lib.gathers.push(GatherState {
            outer,
            children,
            nfuts,
            nfinished: 0,
            return_exceptions,
            cancel_requested: false,
        });
        // Children already done are accounted for now, after the outer exists.
        for f in done_futs {
            self.gather_child_done(host, g, f);
        }
        outer
    }

    /// `gather`'s `_done_callback(fut)`.
    pub(crate) fn gather_child_done(&mut self, host: &mut H, g: u32, fut: FutId) {
        let Some(st) = self.lib.gathers.get_mut(g as usize) else {
            return;
        };
        st.nfinished += 1;
        let (outer, return_exceptions) = (st.outer, st.return_exceptions);
        if self.future_done(outer) {
            if !self.future_cancelled(fut) {
                let _ = self.future_exception(host, fut); // mark the exception retrieved
            }
            return;
        }
        if !return_exceptions {
            if self.future_cancelled(fut) {
                let exc = self.make_cancelled_error(host, fut);
                self.complete(outer, FutState::Finished(Err(exc)));
                return;
            }
            if let Ok(Some(exc)) = self.future_exception(host, fut) {
                self.complete(outer, FutState::Finished(Err(exc)));
                return;
            }
        }
        let st = &self.lib.gathers[g as usize];
        if st.nfinished < st.nfuts {
            return;
        }
        // All done: the results in argument order.
        let children = st.children.clone();
        let cancel_requested = st.cancel_requested;
        let mut results = Vec::with_capacity(children.len());
        for &child in &children {
            let res = if self.future_cancelled(child) {
                let msg = self
                    .fut(child)
                    .and_then(|x| x.cancel_msg())
                    .unwrap_or_else(|| Rc::from(""));
                let e = host.new_exc(RuntimeExc::Cancelled { msg: Some(msg) });
                host.exc_value(e)
            } else {
                match self.future_exception(host, child) {
                    Ok(Some(e)) => host.exc_value(e),
                    _ => match self.future_result(host, child) {
                        Ok(v) => v,
                        Err(e) => host.exc_value(e),
                    },
                }
            };
            results.push(res);
        }
        if cancel_requested {
            // CPython calls `fut._make_cancelled_error()` where `fut` is the loop variable
            // left by the results loop: the last child.
            let last = *children.last().expect("non-empty");
            let exc = self.make_cancelled_error(host, last);
            self.complete(outer, FutState::Finished(Err(exc)));
        } else {
            let list = host.list(results);
            self.complete(outer, FutState::Finished(Ok(list)));
        }
    }

    /// `_GatheringFuture.cancel(msg)`: cancel every child; accepted if any child accepted,
    /// and then the gather raises CancelledError even with `return_exceptions`.
    pub(crate) fn gather_cancel(
        &mut self,
        host: &mut H,
        g: u32,
        msg: Option<Rc<str>>,
        _cause: CancelCause,
        parent: Option<u32>,
    ) -> bool {
        let Some(st) = self.lib.gathers.get(g as usize) else {
            return false;
        };
        let outer = st.outer;
        if self.future_done(outer) {
            return false;
        }
        let children = st.children.clone();
        let mut ret = false;
        for child in children {
            let cause = CancelCause::Gather { gather: outer };
            if self.cancel_any(host, child, msg.clone(), cause, parent) {
                ret = true;
            }
        }
        if ret {
            self.lib.gathers[g as usize].cancel_requested = true;
        }
        ret
    }
}
