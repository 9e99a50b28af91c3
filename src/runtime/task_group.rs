//! `asyncio.TaskGroup`: children created in the group, awaited by `__aexit__`; the first
//! failure cancels the siblings and the body, and errors come out as an exception group.
//! Follows CPython `taskgroups.py`.

use std::rc::Rc;

use super::event_loop::Callback;
use super::future::FutKind;
use super::host::{ExcClass, Host, Report, Resume, RuntimeExc, Step};
use super::native::{wait_on, Native, Poll};
use super::task::TaskCoro;
use super::trace::{CancelCause, Waitable};
use super::{FutId, Loop, TaskId};

/// A TaskGroup (index into the loop's groups).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TaskGroupId(pub u32);

pub(crate) struct GroupState<H: Host> {
    entered: bool,
    exiting: bool,
    aborting: bool,
    parent: Option<TaskId>,
    parent_cancel_requested: bool,
    /// `self._tasks` (a set in CPython; here in creation order).
    pub(crate) tasks: Vec<TaskId>,
    /// Every task created in the group, done or not (for the await tree).
    pub(crate) created: Vec<TaskId>,
    errors: Vec<H::Exc>,
    base_error: Option<H::Exc>,
    on_completed_fut: Option<FutId>,
}

impl<H: Host> Loop<H> {
    /// `asyncio.TaskGroup()`.
    pub fn task_group(&mut self) -> TaskGroupId {
        self.lib.groups.push(GroupState {
            entered: false,
            exiting: false,
            aborting: false,
            parent: None,
            parent_cancel_requested: false,
            tasks: Vec::new(),
            created: Vec::new(),
            errors: Vec::new(),
            base_error: None,
            on_completed_fut: None,
        });
        TaskGroupId(self.lib.groups.len() as u32 - 1)
    }

    /// Was task `t` created by a TaskGroup (which keeps a reference to it)?
    pub fn task_in_group(&self, t: TaskId) -> bool {
        self.lib.groups.iter().any(|g| g.created.contains(&t))
    }

    /// CPython's `repr(TaskGroup)`, used in its error messages.
    pub fn task_group_repr(&self, g: TaskGroupId) -> String {
        let Some(st) = self.lib.groups.get(g.0 as usize) else {
            return "<TaskGroup>".into();
        };
        let mut info = String::new();
        if !st.tasks.is_empty() {
            info += &format!(" tasks={}", st.tasks.len());
        }
        if !st.errors.is_empty() {
            info += &format!(" errors={}", st.errors.len());
        }
        if st.aborting {
            info += " cancelling";
        } else if st.entered {
            info += " entered";
        }
        format!("<TaskGroup{info}>")
    }

    /// `TaskGroup.__aenter__`: binds the current task as parent. RuntimeError if entered
    /// twice or outside a task.
    pub fn task_group_enter(&mut self, host: &mut H, g: TaskGroupId) -> Result<(), H::Exc> {
        let repr = self.task_group_repr(g);
        let current = self.current;
        let Some(st) = self.lib.groups.get_mut(g.0 as usize) else {
            return Ok(());
        };
        if st.entered {
            return Err(host.new_exc(RuntimeExc::Runtime(format!(
                "TaskGroup {repr} has already been entered"
            ))));
        }
        let Some(parent) = current else {
            return Err(host.new_exc(RuntimeExc::Runtime(format!(
                "TaskGroup {repr} cannot determine the parent task"
            ))));
        };
        st.parent = Some(parent);
        st.entered = true;
        Ok(())
    }

    /// `TaskGroup.create_task(coro, name=)`: a child task of the group. RuntimeError if the
    /// group was not entered, is finished, or is shutting down (the coroutine is dropped).
    pub fn task_group_create_task(
        &mut self,
        host: &mut H,
        g: TaskGroupId,
        coro: TaskCoro<H>,
        name: Option<Rc<str>>,
    ) -> Result<TaskId, H::Exc> {
        let repr = self.task_group_repr(g);
        let Some(st) = self.lib.groups.get(g.0 as usize) else {
            return Err(host.new_exc(RuntimeExc::Runtime("TaskGroup does not exist".into())));
        };
        let problem = if !st.entered {
            Some("has not been entered")
        } else if st.exiting && st.tasks.is_empty() {
            Some("is finished")
        } else if st.aborting {
            Some("is shutting down")
        } else {
            None
        };
        if let Some(p) = problem {
            return Err(host.new_exc(RuntimeExc::Runtime(format!("TaskGroup {repr} {p}"))));
        }
        let t = self.create_task(coro, name);
        self.lib.groups[g.0 as usize].tasks.push(t);
        self.lib.groups[g.0 as usize].created.push(t);
        let fut = self.task_future(t).expect("just created");
        self.add_callback(fut, Callback::TaskGroupTaskDone { group: g.0 });
        Ok(t)
    }

    /// `TaskGroup._abort()`: cancel every child not done. `parent_req`: the cancel request
    /// of the parent task that led here, if a cancellation did.
    fn task_group_abort(
        &mut self,
        host: &mut H,
        g: u32,
        failed: Option<TaskId>,
        parent_req: Option<u32>,
    ) {
        let st = &mut self.lib.groups[g as usize];
        st.aborting = true;
        let tasks = st.tasks.clone();
        for t in tasks {
            let done = self.task_future(t).is_none_or(|f| self.future_done(f));
            if !done {
                self.cancel_task_with(
                    host,
                    t,
                    None,
                    CancelCause::TaskGroupAbort { group: g, failed },
                    parent_req,
                );
            }
        }
    }

    /// `TaskGroup._on_task_done(task)`.
    pub(crate) fn task_group_task_done(&mut self, host: &mut H, g: u32, fut: FutId) {
        let Some(t) = self.future_task(fut) else {
            return;
        };
        let Some(st) = self.lib.groups.get_mut(g as usize) else {
            return;
        };
        st.tasks.retain(|&x| x != t);
        if let (Some(f), true) = (st.on_completed_fut, st.tasks.is_empty()) {
            if !self.future_done(f) {
                let v = host.bool_value(true);
                let _ = self.set_result(host, f, v);
            }
        }
        if self.future_cancelled(fut) {
            return;
        }
        let Ok(Some(exc)) = self.future_exception(host, fut) else {
            return;
        };
        let is_base = host.classify(&exc) == ExcClass::ExitOrInterrupt;
        let st = &mut self.lib.groups[g as usize];
        st.errors.push(exc.clone());
        if is_base && st.base_error.is_none() {
            st.base_error = Some(exc.clone());
        }
        let Some(parent) = st.parent else { return };
        let parent_done = self.task_future(parent).is_none_or(|f| self.future_done(f));
        if parent_done {
            let message = "has errored out but its parent task is already completed".into();
            host.report(
                self,
                Report {
                    message,
                    exc: Some(exc),
                    task: Some(t),
                    fut: Some(fut),
                },
            );
            return;
        }
        let st = &self.lib.groups[g as usize];
        if !st.aborting && !st.parent_cancel_requested {
            // Cancel the body too; `__aexit__` will uncancel the parent.
            self.task_group_abort(host, g, Some(t), None);
            self.lib.groups[g as usize].parent_cancel_requested = true;
            let cause = CancelCause::TaskGroupAbort {
                group: g,
                failed: Some(t),
            };
            self.cancel_task_with(host, parent, None, cause, None);
        }
    }

    /// `TaskGroup.__aexit__(et, exc)` as a coroutine: waits for every child. It raises the
    /// group's `BaseExceptionGroup` (or a SystemExit/KeyboardInterrupt, or a CancelledError
    /// to propagate), or returns None, meaning "not suppressed": the caller re-raises the
    /// body's own exception, if any (`async with` semantics).
    pub fn task_group_exit(&mut self, g: TaskGroupId, exc: Option<H::Exc>) -> Native<H> {
        Native::TaskGroupExit(Box::new(TaskGroupExit {
            g: g.0,
            exc,
            propagate: None,
            waiting: None,
            started: false,
        }))
    }
}

/// The parent task's latest cancel request (what a CancelledError in the parent came from).
fn parent_request<H: Host>(lp: &Loop<H>, g: u32) -> Option<u32> {
    let parent = lp.lib.groups.get(g as usize)?.parent?;
    lp.task(parent)?.last_cancel()
}

/// The `TaskGroup.__aexit__` coroutine.
pub struct TaskGroupExit<H: Host> {
    g: u32,
    exc: Option<H::Exc>,
    /// `propagate_cancellation_error`.
    propagate: Option<H::Exc>,
    waiting: Option<(FutId, bool)>,
    started: bool,
}

impl<H: Host> TaskGroupExit<H> {
    /// The exceptions it holds.
    pub(crate) fn excs(&self) -> impl Iterator<Item = &H::Exc> + '_ {
        self.exc.iter().chain(self.propagate.iter())
    }
}

impl<H: Host> GroupState<H> {
    /// The errors its tasks raised, and the base error, kept until `__aexit__` raises.
    pub(crate) fn excs(&self) -> impl Iterator<Item = &H::Exc> + '_ {
        self.errors.iter().chain(self.base_error.iter())
    }
}

impl<H: Host> TaskGroupExit<H> {
    pub(crate) fn resume(&mut self, lp: &mut Loop<H>, host: &mut H, input: Resume<H>) -> Step<H> {
        let g = self.g;
        if lp.lib.groups.get(g as usize).is_none() {
            return Step::Raise(
                host.new_exc(RuntimeExc::Runtime("TaskGroup does not exist".into())),
            );
        }
        let mut input = Some(input);
        if !self.started {
            self.started = true;
            if let Some(Resume::Throw(e)) = input.take() {
                return Step::Raise(e);
            }
            lp.lib.groups[g as usize].exiting = true;
            if let Some(exc) = &self.exc {
                let class = host.classify(exc);
                let st = &mut lp.lib.groups[g as usize];
                if class == ExcClass::ExitOrInterrupt && st.base_error.is_none() {
                    st.base_error = Some(exc.clone());
                }
                if class == ExcClass::Cancelled {
                    self.propagate = Some(exc.clone());
                }
                if !st.aborting {
                    // The parent is being cancelled, or the body raised.
                    let req = if class == ExcClass::Cancelled {
                        parent_request(lp, g)
                    } else {
                        None
                    };
                    lp.task_group_abort(host, g, None, req);
                }
            }
        }
        // `while self._tasks:` await `_on_completed_fut`, which may be cancelled repeatedly.
        loop {
            if let Some((fut, mut yielded)) = self.waiting.take() {
                let r = wait_on(
                    lp,
                    host,
                    fut,
                    &mut yielded,
                    input.take().unwrap_or(Resume::Send),
                );
                match r {
                    Poll::Pending(step) => {
                        self.waiting = Some((fut, yielded));
                        return step;
                    }
                    Poll::Ready(Ok(_)) => {}
                    Poll::Ready(Err(e)) if host.classify(&e) == ExcClass::Cancelled => {
                        if !lp.lib.groups[g as usize].aborting {
                            // The parent was cancelled while the children still run.
                            self.propagate = Some(e);
                            let req = parent_request(lp, g);
                            lp.task_group_abort(host, g, None, req);
                        }
                    }
                    Poll::Ready(Err(e)) => return Step::Raise(e),
                }
                lp.lib.groups[g as usize].on_completed_fut = None;
                lp.release_future(fut);
            }
            if lp.lib.groups[g as usize].tasks.is_empty() {
                break;
            }
            let fut = match lp.lib.groups[g as usize].on_completed_fut {
                Some(f) => f,
                None => {
                    let f = lp.new_future(Waitable::TaskGroup(g), FutKind::Plain);
                    lp.lib.groups[g as usize].on_completed_fut = Some(f);
                    f
                }
            };
            self.waiting = Some((fut, false));
        }
        self.finish(lp, host)
    }

    fn finish(&mut self, lp: &mut Loop<H>, host: &mut H) -> Step<H> {
        let g = self.g as usize;
        if let Some(e) = lp.lib.groups[g].base_error.clone() {
            return Step::Raise(e);
        }
        let parent = lp.lib.groups[g].parent;
        if lp.lib.groups[g].parent_cancel_requested {
            // If this flag is set we *must* call uncancel().
            if parent.is_some_and(|p| lp.uncancel(p) == 0) {
                // No other cancel pending: do not propagate CancelledError.
                self.propagate = None;
            }
        }
        if let Some(e) = self.propagate.take() {
            if lp.lib.groups[g].errors.is_empty() {
                return Step::Raise(e);
            }
        }
        if let Some(exc) = self.exc.take() {
            if host.classify(&exc) != ExcClass::Cancelled {
                lp.lib.groups[g].errors.push(exc);
            }
        }
        let errors = std::mem::take(&mut lp.lib.groups[g].errors);
        if !errors.is_empty() {
            if let Some(p) = parent.filter(|&p| lp.cancelling(p) > 0) {
                // Cancelled from outside the group: keep the cancel count stable.
                lp.uncancel(p);
                let cause = CancelCause::TaskGroupAbort {
                    group: self.g,
                    failed: None,
                };
                lp.cancel_task_with(host, p, None, cause, None);
            }
            let msg = "unhandled errors in a TaskGroup";
            return Step::Raise(host.new_exc(RuntimeExc::Group { msg, excs: errors }));
        }
        Step::Return(host.none())
    }
}
