//! `asyncio.run(main)`: run the main task until done, then cancel what remains and wait for
//! it (`_cancel_all_tasks`). Follows CPython `runners.py` and `run_until_complete`.

use std::rc::Rc;

use super::event_loop::Callback;
use super::host::{Host, Report};
use super::task::TaskCoro;
use super::trace::CancelCause;
use super::{FutId, Loop, TaskId};

/// Where a run stands after a step.
#[derive(Debug, PartialEq)]
pub enum RunStatus<V, E> {
    /// More to do: call again (a real-clock driver first checks `Loop::has_ready` and
    /// `Loop::next_deadline`).
    Running,
    /// Nothing is ready, no timer is pending, yet tasks wait: it would hang forever.
    Deadlocked,
    /// `asyncio.run` returned this value or raised this exception.
    Finished(Result<V, E>),
}

enum Phase {
    /// `run_until_complete(main)`.
    Main,
    /// `run_until_complete(gather(*to_cancel, return_exceptions=True))`.
    Shutdown {
        to_cancel: Vec<TaskId>,
    },
    /// `run_until_complete(loop.shutdown_asyncgens())`.
    AsyncGens,
    Done,
}

/// `asyncio.run` as a resumable driver: each call runs one iteration (or one slice), and at
/// the iteration where the loop stops (CPython's `run_until_complete` returning) it moves to
/// the next phase, exactly between iterations as CPython does.
pub struct Runner<H: Host> {
    main: TaskId,
    phase: Phase,
    /// A SystemExit/KeyboardInterrupt that left the loop: raised after the shutdown.
    fatal: Option<H::Exc>,
    closed: bool,
}

impl<H: Host> Runner<H> {
    /// Creates the main task (`Task-1` on a fresh loop) and arranges for the loop to stop
    /// when it is done.
    pub fn new(lp: &mut Loop<H>, main: TaskCoro<H>, name: Option<Rc<str>>) -> Self {
        let task = lp.create_task(main, name);
        let fut = lp.task_future(task).expect("just created");
        lp.add_callback(fut, Callback::StopLoop);
        Runner {
            main: task,
            phase: Phase::Main,
            fatal: None,
            closed: false,
        }
    }

    /// The main task.
    pub fn main_task(&self) -> TaskId {
        self.main
    }

    /// Still running `main` (not yet cancelling the tasks left over at shutdown).
    pub fn in_main(&self) -> bool {
        matches!(self.phase, Phase::Main)
    }

    /// Runs one whole loop iteration (see `run_slice`).
    pub fn run_once(&mut self, lp: &mut Loop<H>, host: &mut H) -> RunStatus<H::Value, H::Exc> {
        self.run_slice(lp, host, usize::MAX)
    }

    /// Runs at most `budget` callbacks; at an iteration's end, handles the loop stopping.
    pub fn run_slice(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        budget: usize,
    ) -> RunStatus<H::Value, H::Exc> {
        if let Phase::Done = self.phase {
            return self.finish(lp, host);
        }
        if !lp.has_ready() && lp.next_deadline().is_none() {
            return RunStatus::Deadlocked;
        }
        let stopped = match lp.run_slice(host, budget) {
            Ok(false) => return RunStatus::Running,
            Ok(true) => lp.take_stop(),
            Err(e) => {
                // SystemExit/KeyboardInterrupt: `run_until_complete` raises; `Runner.close`
                // still cancels the remaining tasks.
                self.fatal.get_or_insert(e);
                true
            }
        };
        if !stopped {
            return RunStatus::Running;
        }
        match std::mem::replace(&mut self.phase, Phase::Done) {
            Phase::Main => {
                // `run_until_complete`'s finally, then `Runner.close()`: `_cancel_all_tasks`.
                if let Some(fut) = lp.task_future(self.main) {
                    lp.remove_callbacks(fut, |c| matches!(c, Callback::StopLoop));
                }
                let to_cancel = lp.all_tasks();
                if to_cancel.is_empty() {
                    return self.shutdown_asyncgens(lp, host);
                }
                for &t in &to_cancel {
                    lp.cancel_task_with(host, t, None, CancelCause::Shutdown, None);
                }
                let futs: Vec<FutId> = to_cancel
                    .iter()
                    .filter_map(|&t| lp.task_future(t))
                    .collect();
                let gather = lp.gather(host, futs, true);
                lp.add_callback(gather, Callback::StopLoop);
                self.phase = Phase::Shutdown { to_cancel };
                RunStatus::Running
            }
            Phase::Shutdown { to_cancel } => {
                for t in to_cancel {
                    let Some(fut) = lp.task_future(t) else {
                        continue;
                    };
                    if lp.future_cancelled(fut) {
                        continue;
                    }
                    if let Ok(Some(exc)) = lp.future_exception(host, fut) {
                        let message = "unhandled exception during asyncio.run() shutdown".into();
                        host.report(
                            lp,
                            Report {
                                message,
                                exc: Some(exc),
                                task: Some(t),
                                fut: Some(fut),
                            },
                        );
                    }
                }
                self.shutdown_asyncgens(lp, host)
            }
            Phase::AsyncGens | Phase::Done => self.finish(lp, host),
        }
    }

    /// `Runner.close()`'s `run_until_complete(loop.shutdown_asyncgens())`: close the async
    /// generators still suspended, waiting for all of them; then finish.
    fn shutdown_asyncgens(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
    ) -> RunStatus<H::Value, H::Exc> {
        if self.fatal.is_some() {
            return self.finish(lp, host);
        }
        let futs = host.shutdown_asyncgens(lp);
        if futs.is_empty() {
            return self.finish(lp, host);
        }
        let gather = lp.gather(host, futs, true);
        lp.add_callback(gather, Callback::StopLoop);
        self.phase = Phase::AsyncGens;
        RunStatus::Running
    }

    fn finish(&mut self, lp: &mut Loop<H>, host: &mut H) -> RunStatus<H::Value, H::Exc> {
        if !self.closed {
            // `Runner.close()` then runs `shutdown_asyncgens()` and
            // `shutdown_default_executor()` as two tasks: invisible, but they take two names,
            // so a second `asyncio.run` starts at Task-N+3, as on CPython.
            self.closed = true;
            lp.task_counter += 2;
        }
        self.phase = Phase::Done;
        if let Some(e) = self.fatal.clone() {
            return RunStatus::Finished(Err(e));
        }
        let Some(fut) = lp.task_future(self.main) else {
            return RunStatus::Deadlocked;
        };
        if !lp.future_done(fut) {
            let e = host.new_exc(super::host::RuntimeExc::Runtime(
                "Event loop stopped before Future completed.".into(),
            ));
            return RunStatus::Finished(Err(e));
        }
        RunStatus::Finished(lp.future_result(host, fut))
    }

    /// Runs to the end on the loop's clock (a virtual clock makes this instant and
    /// deterministic). `Err(None)`: deadlock (it would hang forever).
    pub fn run_to_end(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
    ) -> Result<Result<H::Value, H::Exc>, Deadlock> {
        loop {
            match self.run_once(lp, host) {
                RunStatus::Running => {}
                RunStatus::Deadlocked => return Err(Deadlock),
                RunStatus::Finished(r) => return Ok(r),
            }
        }
    }
}

/// Every live task waits and nothing can wake them.
#[derive(Debug, PartialEq, Eq)]
pub struct Deadlock;

/// `asyncio.run(main)` on `lp`: the main coroutine's result or exception (after cancelling
/// and awaiting the tasks left over), or `Err(Deadlock)`.
pub fn run<H: Host>(
    lp: &mut Loop<H>,
    host: &mut H,
    main: TaskCoro<H>,
) -> Result<Result<H::Value, H::Exc>, Deadlock> {
    Runner::new(lp, main, None).run_to_end(lp, host)
}
