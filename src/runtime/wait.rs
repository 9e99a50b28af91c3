//! `asyncio.wait(fs, timeout, return_when)` and `asyncio.as_completed(fs, timeout)`.
//! Follows CPython `tasks._wait` and `_AsCompletedIterator`.

use std::collections::VecDeque;

use super::event_loop::Callback;
use super::future::FutKind;
use super::host::{Host, Resume, RuntimeExc, Step};
use super::native::{wait_on, Native, Poll};
use super::timers::Handle;
use super::trace::Waitable;
use super::{FutId, Loop, TaskId};

/// `asyncio.FIRST_COMPLETED` / `FIRST_EXCEPTION` / `ALL_COMPLETED`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnWhen {
    FirstCompleted,
    FirstException,
    AllCompleted,
}

pub(crate) struct WaitState {
    pub(crate) waiter: FutId,
    /// The futures waited on (for the await tree).
    pub(crate) fs: Vec<FutId>,
    handle: Option<Handle>,
    counter: usize,
    return_when: ReturnWhen,
}

/// The `wait` coroutine.
pub struct Wait {
    fs: Vec<FutId>,
    timeout: Option<f64>,
    return_when: ReturnWhen,
    /// The wait id once started, and whether the waiter was yielded.
    started: Option<(u32, bool)>,
}

/// `asyncio.wait(fs, timeout=, return_when=)`: waits until the condition holds or the
/// timeout passes (no TimeoutError) and returns `(done, pending)` via `Host::wait_result`.
/// Raises ValueError for an empty `fs`.
pub fn wait<H: Host>(fs: Vec<FutId>, timeout: Option<f64>, return_when: ReturnWhen) -> Native<H> {
    Native::Wait(Box::new(Wait {
        fs,
        timeout,
        return_when,
        started: None,
    }))
}

impl Wait {
    pub(crate) fn resume<H: Host>(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        input: Resume<H>,
    ) -> Step<H> {
        let Some((w, mut yielded)) = self.started else {
            if let Resume::Throw(e) = input {
                return Step::Raise(e);
            }
            if self.fs.is_empty() {
                return Step::Raise(
                    host.new_exc(RuntimeExc::Value("Set of Tasks/Futures is empty.".into())),
                );
            }
            let mut seen = std::collections::HashSet::new();
            self.fs.retain(|f| seen.insert(*f)); // `fs = set(fs)`
            let waiter = lp.new_future(Waitable::Wait, FutKind::Plain);
            let handle = self
                .timeout
                .map(|t| lp.call_at_cb(lp.time() + t, Callback::ReleaseWaiter { fut: waiter }));
            let w = lp.lib.waits.len() as u32;
            lp.lib.waits.push(WaitState {
                waiter,
                fs: self.fs.clone(),
                handle,
                counter: self.fs.len(),
                return_when: self.return_when,
            });
            for &f in &self.fs {
                lp.add_callback(f, Callback::WaitCompletion { wait: w });
            }
            self.started = Some((w, true));
            return Step::Await(waiter);
        };
        let waiter = lp.lib.waits[w as usize].waiter;
        let r = wait_on(lp, host, waiter, &mut yielded, input);
        if let Poll::Pending(step) = r {
            self.started = Some((w, yielded));
            return step;
        }
        // `finally`: cancel the timeout, unregister from every future.
        if let Some(h) = lp.lib.waits[w as usize].handle.take() {
            lp.cancel_handle(h);
        }
        for &f in &self.fs {
            lp.remove_callbacks(
                f,
                |c| matches!(c, Callback::WaitCompletion { wait } if *wait == w),
            );
        }
        lp.release_future(waiter);
        if let Poll::Ready(Err(e)) = r {
            return Step::Raise(e);
        }
        let (done, pending): (Vec<FutId>, Vec<FutId>) =
            self.fs.iter().partition(|&&f| lp.future_done(f));
        Step::Return(host.wait_result(done, pending))
    }
}

impl<H: Host> Loop<H> {
    /// `wait`'s `_on_completion(f)`.
    pub(crate) fn wait_completion(&mut self, host: &mut H, w: u32, f: FutId) {
        let Some(st) = self.lib.waits.get_mut(w as usize) else {
            return;
        };
        st.counter = st.counter.saturating_sub(1);
        let (counter, rw, waiter) = (st.counter, st.return_when, st.waiter);
        let release = counter == 0
            || rw == ReturnWhen::FirstCompleted
            || (rw == ReturnWhen::FirstException
                && !self.future_cancelled(f)
                && matches!(self.future_exception(host, f), Ok(Some(_))));
        if release {
            if let Some(h) = self.lib.waits[w as usize].handle.take() {
                self.cancel_handle(h);
            }
            if !self.future_done(waiter) {
                let none = host.none();
                let _ = self.set_result(host, waiter, none);
            }
        }
    }
}

/// An `as_completed(...)` iterator (index into the loop's iterators).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AsCompletedId(pub u32);

pub(crate) struct AsCompletedState {
    todo: Vec<FutId>,
    todo_left: usize,
    timeout: Option<Handle>,
    /// `self._done`, a Queue of futures (None: the timeout sentinel), and its getters.
    done: VecDeque<Option<FutId>>,
    getters: VecDeque<FutId>,
}

/// One `__anext__`/`__next__()` step of `as_completed`: `await self._done.get()`.
pub struct AsCompletedNext {
    iter: u32,
    resolve: bool,
    getter: Option<(FutId, bool)>,
}

impl<H: Host> Loop<H> {
    /// `asyncio.as_completed(fs, timeout=)`: an iterator over `fs` in completion order.
    pub fn as_completed(&mut self, fs: Vec<FutId>, timeout: Option<f64>) -> AsCompletedId {
        let mut todo = fs;
        let mut seen = std::collections::HashSet::new();
        todo.retain(|f| seen.insert(*f));
        let id = self.lib.as_completed.len() as u32;
        for &f in &todo {
            self.add_callback(f, Callback::AsCompletedDone { iter: id });
        }
        let timeout = match timeout {
            Some(t) if !todo.is_empty() => {
                Some(self.call_at_cb(self.time() + t, Callback::AsCompletedTimeout { iter: id }))
            }
            _ => None,
        };
        let todo_left = todo.len();
        self.lib.as_completed.push(AsCompletedState {
            todo,
            todo_left,
            timeout,
            done: VecDeque::new(),
            getters: VecDeque::new(),
        });
        AsCompletedId(id)
    }

    /// The next step of the iterator, or None when exhausted (`StopAsyncIteration`).
    /// `resolve` (plain iteration): the coroutine returns the future's result instead of
    /// the future. Either raises TimeoutError when the timeout passed first.
    pub fn as_completed_next(&mut self, id: AsCompletedId, resolve: bool) -> Option<Native<H>> {
        let st = self.lib.as_completed.get_mut(id.0 as usize)?;
        if st.todo_left == 0 {
            return None;
        }
        st.todo_left -= 1;
        Some(Native::AsCompletedNext(AsCompletedNext {
            iter: id.0,
            resolve,
            getter: None,
        }))
    }

    /// `_handle_completion(f)`.
    pub(crate) fn as_completed_done(&mut self, host: &mut H, iter: u32, f: FutId) {
        let Some(st) = self.lib.as_completed.get_mut(iter as usize) else {
            return;
        };
        if st.todo.is_empty() {
            return; // the timeout came first
        }
        st.todo.retain(|&x| x != f);
        st.done.push_back(Some(f));
        let empty = st.todo.is_empty();
        let timeout = if empty { st.timeout } else { None };
        self.as_completed_wakeup(host, iter);
        if let Some(h) = timeout {
            self.cancel_handle(h);
        }
    }

    /// `_handle_timeout()`: unregister and put one sentinel per future left.
    pub(crate) fn as_completed_timeout(&mut self, host: &mut H, iter: u32) {
        let Some(st) = self.lib.as_completed.get_mut(iter as usize) else {
            return;
        };
        let todo = std::mem::take(&mut st.todo);
        for f in todo {
            self.remove_callbacks(
                f,
                |c| matches!(c, Callback::AsCompletedDone { iter: i } if *i == iter),
            );
            self.lib.as_completed[iter as usize].done.push_back(None);
            self.as_completed_wakeup(host, iter);
        }
    }

    /// `Queue._wakeup_next(self._getters)` after a `put_nowait`.
    fn as_completed_wakeup(&mut self, host: &mut H, iter: u32) {
        while let Some(g) = self.lib.as_completed[iter as usize].getters.pop_front() {
            if !self.future_done(g) {
                let none = host.none();
                let _ = self.set_result(host, g, none);
                break;
            }
        }
    }
}

impl AsCompletedNext {
    pub(crate) fn resume<H: Host>(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        _task: TaskId,
        input: Resume<H>,
    ) -> Step<H> {
        let mut input = input;
        loop {
            // `Queue.get()`: wait while empty.
            if let Some((getter, mut yielded)) = self.getter.take() {
                match wait_on(lp, host, getter, &mut yielded, input) {
                    Poll::Pending(step) => {
                        self.getter = Some((getter, yielded));
                        return step;
                    }
                    Poll::Ready(Ok(_)) => {
                        lp.release_future(getter);
                    }
                    Poll::Ready(Err(e)) => {
                        lp.cancel_plain(getter, None);
                        let st = &mut lp.lib.as_completed[self.iter as usize];
                        st.getters.retain(|&g| g != getter);
                        if !st.done.is_empty() && !lp.future_cancelled(getter) {
                            lp.as_completed_wakeup(host, self.iter);
                        }
                        return Step::Raise(e);
                    }
                }
                input = Resume::Send;
            } else if let Resume::Throw(e) = input {
                return Step::Raise(e);
            }
            let st = &mut lp.lib.as_completed[self.iter as usize];
            if let Some(item) = st.done.pop_front() {
                return match item {
                    None => Step::Raise(host.new_exc(RuntimeExc::Timeout { cause: None })),
                    Some(f) if self.resolve => match lp.future_result(host, f) {
                        Ok(v) => Step::Return(v),
                        Err(e) => Step::Raise(e),
                    },
                    Some(f) => Step::Return(host.future_value(f)),
                };
            }
            let getter = lp.new_future(Waitable::AsCompleted, FutKind::Plain);
            lp.lib.as_completed[self.iter as usize]
                .getters
                .push_back(getter);
            self.getter = Some((getter, false));
        }
    }
}
