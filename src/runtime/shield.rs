//! `asyncio.shield(aw)`: an outer future mirroring the inner one, whose cancellation does not
//! reach the inner. Follows CPython `tasks.shield`.

use super::event_loop::Callback;
use super::future::{FutKind, FutState};
use super::host::{Host, Report};
use super::trace::Waitable;
use super::{FutId, Loop};

pub(crate) struct ShieldState {
    inner: FutId,
    outer: FutId,
}

impl<H: Host> Loop<H> {
    /// `asyncio.shield(inner)`: returns `inner` itself if already done, else a new outer
    /// future that completes like `inner`; cancelling the outer leaves `inner` running (and
    /// an exception it raises later is reported, not lost).
    pub fn shield(&mut self, inner: FutId) -> FutId {
        if self.future_done(inner) {
            return inner;
        }
        let s = self.lib.shields.len() as u32;
        let outer = self.new_future(Waitable::Shield { inner }, FutKind::Plain);
        self.lib.shields.push(ShieldState { inner, outer });
        self.add_callback(inner, Callback::ShieldInnerDone { shield: s });
        self.add_callback(outer, Callback::ShieldOuterDone { shield: s });
        outer
    }

    /// `shield`'s `_inner_done_callback`.
    pub(crate) fn shield_inner_done(&mut self, host: &mut H, s: u32) {
        let Some(&ShieldState { inner, outer }) = self.lib.shields.get(s as usize) else {
            return;
        };
        if self.future_cancelled(outer) {
            return;
        }
        if self.future_cancelled(inner) {
            self.cancel_plain(outer, None);
            return;
        }
        let state = match self.future_exception(host, inner) {
            Ok(Some(e)) => Err(e),
            _ => self.future_result(host, inner),
        };
        self.complete(outer, FutState::Finished(state));
    }

    /// `shield`'s `_outer_done_callback`: the outer ended first (cancelled), so the inner's
    /// outcome goes to `_log_on_exception` instead.
    pub(crate) fn shield_outer_done(&mut self, s: u32) {
        let Some(&ShieldState { inner, .. }) = self.lib.shields.get(s as usize) else {
            return;
        };
        if !self.future_done(inner) {
            self.remove_callbacks(
                inner,
                |c| matches!(c, Callback::ShieldInnerDone { shield } if *shield == s),
            );
            self.remove_callbacks(inner, |c| matches!(c, Callback::LogOnException));
            self.add_callback(inner, Callback::LogOnException);
        }
    }

    /// `tasks._log_on_exception(fut)`: report "<exc class> exception in shielded future".
    pub(crate) fn log_on_exception(&mut self, host: &mut H, fut: FutId) {
        if self.future_cancelled(fut) {
            return;
        }
        if let Ok(Some(exc)) = self.future_exception(host, fut) {
            let report = Report {
                message: "exception in shielded future".into(),
                exc: Some(exc),
                task: self.future_task(fut),
                fut: Some(fut),
            };
            host.report(self, report);
        }
    }
}
