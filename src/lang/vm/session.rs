//! A program run that a driver advances in slices: the module's code runs until it calls
//! `asyncio.run(...)`, which suspends it while the event loop runs (iteration by iteration,
//! or in budgeted slices, so a browser can paint in between); when the loop finishes, the
//! module resumes with `asyncio.run`'s result. The CLI runs a session to the end.

use std::cell::RefCell;
use std::rc::Rc;

use super::eval::{Exec, Outcome, Resume};
use super::frame::Frame;
use super::limits::Limits;
use super::{Stream, Vm};
use crate::lang::value::{PyDict, PyErr, Value};
use crate::runtime::{Loop, RunStatus, Runner};

/// Where a session stands.
#[derive(Debug, PartialEq)]
pub enum Status {
    /// More to do: call `step` again.
    Running,
    /// The program ended; `ok` is false after an uncaught exception (already printed).
    Finished { ok: bool },
}

/// The event loop an `asyncio.run` call is running.
pub struct LoopRun {
    pub lp: Loop<Vm>,
    pub runner: Runner<Vm>,
}

/// One program being run. Invariant: `loop_run` is `Some` exactly while the module frame
/// waits inside `asyncio.run`.
pub struct Session {
    pub vm: Vm,
    module: Exec,
    pub loop_run: Option<LoopRun>,
    /// The loop of the last `asyncio.run` that deadlocked, as it was then (read only).
    pub deadlocked: Option<Loop<Vm>>,
    started: bool,
    done: Option<bool>,
    /// Trace events of the loop not yet taken (see `take_trace`).
    trace: Vec<crate::runtime::TraceEvent>,
    /// The program did not compile (its syntax error is on the console).
    pub syntax_error: bool,
    /// Iterations of the last loop that finished.
    last_iteration: u64,
    /// The module's namespace, cleared when the session is dropped: its functions refer to
    /// it (`__globals__`), a cycle no reference count frees (CPython's GC would).
    globals: Option<Rc<RefCell<PyDict>>>,
}

thread_local! {
    /// Sessions alive on this thread (the page holds one per run; the soak checks it stays
    /// small: a growing count means a finished run is kept alive).
    static LIVE_SESSIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many `Session`s exist on this thread now.
pub fn live_sessions() -> usize {
    LIVE_SESSIONS.with(|c| c.get())
}

impl Drop for Session {
    fn drop(&mut self) {
        LIVE_SESSIONS.with(|c| c.set(c.get().saturating_sub(1)));
        if let Some(g) = self.globals.take() {
            // Take the entries out first, so no borrow is held while they are dropped.
            let entries = std::mem::take(&mut *g.borrow_mut());
            drop(entries);
        }
    }
}

impl Session {
    /// Compiles `source`; a syntax error is printed to the console and ends the session.
    pub fn new(source: &str, filename: &str) -> Session {
        Session::with_limits(source, filename, Limits::default())
    }

    /// Like `new`, with the run's resource limits (`docs/limits.md`).
    pub fn with_limits(source: &str, filename: &str, limits: Limits) -> Session {
        let mut vm = Vm::new();
        vm.limits = limits;
        vm.sliced = true;
        let code = crate::lang::parser::parse(source)
            .map_err(|e| e.render(source, filename))
            .and_then(|m| {
                crate::lang::compiler::compile(&m, source, filename)
                    .map_err(|e| e.render(source, filename))
            });
        LIVE_SESSIONS.with(|c| c.set(c.get() + 1));
        let mut s = Session {
            vm,
            module: Exec::default(),
            loop_run: None,
            deadlocked: None,
            started: false,
            done: None,
            trace: Vec::new(),
            syntax_error: false,
            last_iteration: 0,
            globals: None,
        };
        match code {
            Ok(code) => {
                let globals = Rc::new(RefCell::new(PyDict::new()));
                globals
                    .borrow_mut()
                    .set_str("__name__", Value::str("__main__"));
                globals.borrow_mut().set_str("__doc__", Value::None);
                s.globals = Some(globals.clone());
                globals
                    .borrow_mut()
                    .set_str("__file__", Value::str(filename));
                s.module
                    .frames
                    .push(Frame::new(code, globals.clone(), Some(globals)));
                s.vm.depth = 1;
            }
            Err(mut text) => {
                // CPython ends the report with a newline, like every traceback.
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                s.vm.write(Stream::Stderr, &text);
                s.done = Some(false);
                s.syntax_error = true;
            }
        }
        s
    }

    /// Runs every later `asyncio.run` loop on `clock` (a driver's scaled wall time)
    /// instead of a fresh virtual clock.
    pub fn set_clock(&mut self, clock: crate::runtime::ManualClock) {
        // `time.time()` and friends read the same cell.
        self.vm.clock = crate::lang::modules::time::SharedClock(clock.cell());
        self.vm.loop_clock = Some(clock);
    }

    /// Is there something to do right now: module code, ready callbacks, a due timer, or a
    /// finished program or loop to conclude? (False while every task waits and the next
    /// timer is in the future.)
    pub fn has_work_now(&mut self) -> bool {
        if crate::lang::value::drop::garbage_pending() {
            return true;
        }
        match self.loop_run.as_mut() {
            Some(run) => run.lp.has_work_now() || run.lp.next_deadline().is_none(),
            // Module code to run, or a finished program to report.
            None => true,
        }
    }

    /// Has the program ended (returned, raised, or failed to compile)?
    pub fn is_finished(&self) -> bool {
        self.done.is_some()
    }

    /// Loop iterations of the running loop, or of the last one that ran.
    pub fn iteration(&self) -> u64 {
        self.loop_run
            .as_ref()
            .map_or(self.last_iteration, |r| r.lp.iteration())
    }

    /// The running loop's next timer, if a loop runs.
    pub fn next_deadline(&mut self) -> Option<f64> {
        self.loop_run.as_mut().and_then(|r| r.lp.next_deadline())
    }

    /// The running loop, if `asyncio.run` is running one.
    pub fn running_loop(&self) -> Option<&Loop<Vm>> {
        self.loop_run.as_ref().map(|r| &r.lp)
    }

    /// The running loop, mutably (to inject commands, drain the trace).
    pub fn running_loop_mut(&mut self) -> Option<&mut Loop<Vm>> {
        self.loop_run.as_mut().map(|r| &mut r.lp)
    }

    /// Like `step`, with separate budgets: at most `callbacks` loop callbacks, and at most
    /// `instructions` VM instructions in any one task step or stretch of module code (a step
    /// that runs out pauses, `Step::Paused`, and resumes at the next call).
    pub fn step_with(&mut self, callbacks: usize, instructions: u64) -> Status {
        // Freeing is bounded per slice (value/drop.rs); what earlier drops left is freed
        // first, a slice's worth at a time.
        crate::lang::value::drop::set_slice_budget(crate::lang::value::drop::DROP_BUDGET);
        if crate::lang::value::drop::drain_garbage() {
            return Status::Running;
        }
        self.vm.slice_started();
        self.vm.step_budget = Some(instructions);
        let status = self.step_inner(callbacks as u64, instructions);
        self.vm.step_budget = None;
        // A run that ended leaving garbage frees it before it reports the end (`done` is
        // set: the next call drains, then says Finished).
        if matches!(status, Status::Finished { .. }) && crate::lang::value::drop::garbage_pending()
        {
            return Status::Running;
        }
        status
    }

    /// Runs up to `budget` instructions of module code, or one loop iteration (at most
    /// `budget` callbacks) while `asyncio.run` is running.
    pub fn step(&mut self, budget: u64) -> Status {
        self.step_inner(budget, budget)
    }

    fn step_inner(&mut self, budget: u64, instructions: u64) -> Status {
        if let Some(ok) = self.done {
            return Status::Finished { ok };
        }
        let resume = match self.loop_run.as_mut() {
            Some(run) => {
                let status = {
                    let LoopRun { lp, runner } = run;
                    let vm = &mut self.vm;
                    vm.enter_loop(lp, |vm, lp| runner.run_slice(lp, vm, budget as usize))
                };
                if !run.lp.trace_events().is_empty() {
                    self.trace.extend(run.lp.drain_trace());
                }
                if !matches!(status, RunStatus::Running) {
                    crate::lang::modules::asyncio::report_unretrieved(&mut self.vm, &mut run.lp);
                }
                match status {
                    RunStatus::Running => {
                        // Between iterations with nothing ready (about to wait for a
                        // timer): look for tasks waiting on what nothing else references.
                        // (With no timer either, the run is deadlocked: that is reported
                        // next, in its own words.)
                        let lp = &mut run.lp;
                        let idle = !lp.mid_iteration() && !lp.has_ready();
                        if run.runner.in_main() && idle && lp.next_deadline().is_some() {
                            self.vm.note_unreferenced(lp, &self.module);
                        }
                        return Status::Running;
                    }
                    RunStatus::Deadlocked => {
                        self.vm.note_deadlock(&run.lp);
                        self.last_iteration = run.lp.iteration();
                        crate::lang::modules::asyncio::loop_ended(&mut self.vm, &run.lp);
                        self.vm.live_tasks = 0;
                        // Kept so the views can show how the tasks were stuck.
                        self.deadlocked = self.loop_run.take().map(|r| r.lp);
                        Resume::Throw(PyErr::runtime_error(
                            crate::lang::modules::asyncio::DEADLOCK,
                        ))
                    }
                    RunStatus::Finished(r) => {
                        self.last_iteration = run.lp.iteration();
                        crate::lang::modules::asyncio::loop_ended(&mut self.vm, &run.lp);
                        self.vm.live_tasks = 0;
                        self.loop_run = None;
                        match r {
                            Ok(v) => Resume::Send(v),
                            Err(e) => {
                                e.add_library_frames(&crate::lang::modules::asyncio::RUN_FRAMES);
                                Resume::Throw(e)
                            }
                        }
                    }
                }
            }
            None if !self.started => {
                self.started = true;
                Resume::Continue
            }
            None => Resume::Continue,
        };
        let mut b = instructions;
        match self.vm.run(&mut self.module, resume, Some(&mut b)) {
            Ok(Outcome::OutOfBudget) => Status::Running,
            Ok(Outcome::Return(_)) => self.finish(true),
            Ok(Outcome::Yield(_)) => {
                // `asyncio.run` left its loop with the VM.
                match self.vm.pending_run.take() {
                    Some(run) => {
                        self.loop_run = Some(run);
                        self.deadlocked = None;
                        Status::Running
                    }
                    None => self.finish(true),
                }
            }
            Err(e) => {
                let text = self.vm.format_exception(&e);
                self.vm.write_unlimited(Stream::Stderr, &text);
                self.finish(false)
            }
        }
    }

    fn finish(&mut self, ok: bool) -> Status {
        self.done = Some(ok);
        Status::Finished { ok }
    }

    /// Console output written since the last call, in order, by stream (for a UI that
    /// appends as the program runs).
    pub fn take_console(&mut self) -> Vec<(Stream, String)> {
        std::mem::take(&mut self.vm.console)
            .into_iter()
            .map(|o| (o.stream, o.text))
            .collect()
    }

    /// Console output written since the last call, each chunk with the task that wrote it.
    pub fn take_output(&mut self) -> Vec<super::Output> {
        std::mem::take(&mut self.vm.console)
    }

    /// The 1-based line task `t`'s coroutine is suspended at (its `def` line before it
    /// starts), for the editor's per-task gutter markers.
    pub fn task_line(&self, t: crate::runtime::TaskId) -> Option<u32> {
        self.vm.task_coros.get(t.0).map(|c| c.line())
    }

    /// The TaskGroup (by id) that created task `t`, if one did.
    pub fn task_group(&self, t: crate::runtime::TaskId) -> Option<u32> {
        self.vm.task_groups.get(&t.0).copied()
    }

    /// The trace events recorded since the last call (enable with `vm.tracing` before the
    /// first `step`).
    pub fn take_trace(&mut self) -> Vec<crate::runtime::TraceEvent> {
        let mut events = std::mem::take(&mut self.trace);
        // Events of a loop that `asyncio.run` just created (its main task's creation).
        if let Some(run) = self.loop_run.as_mut() {
            events.extend(run.lp.drain_trace());
        }
        events
    }

    /// What a finished task returned or raised, as `repr()` shows it (`'USERS'`,
    /// `ValueError('bad')`); `None` while it runs or for a task this VM did not run.
    pub fn task_outcome_repr(&mut self, t: crate::runtime::TaskId) -> Option<String> {
        let v = match self.vm.task_outcome.get(t.0)?.clone() {
            Ok(v) => v,
            Err(e) => e.to_value(),
        };
        self.vm.repr(&v).ok()
    }

    /// Runs to the end (the CLI and tests).
    pub fn run_to_end(&mut self) -> bool {
        loop {
            if let Status::Finished { ok } = self.step(100_000) {
                return ok;
            }
        }
    }
}
