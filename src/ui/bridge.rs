//! The bridge from the UI to a running program: compiles the editor's code into a language
//! `Session`, drives it with the runtime's browser driver, and turns each slice's trace batch
//! and console output into reducer actions. The UI talks back only through `Run` commands.

use std::rc::Rc;

use yew::UseReducerDispatcher;

use super::model::await_tree::snapshot;
use super::state::{Action, LoopView, State, Stream};
use crate::lang::span::LineTable;
use crate::lang::vm::limits::Limits;
use crate::lang::vm::session::{Session, Status};
use crate::lang::vm::Stream as VmStream;
use crate::runtime::browser::{Driver, DriverStatus, Program, SliceInfo, Speed};
use crate::runtime::{Command, ManualClock, TaskId, TaskState};

impl Program for Session {
    fn run_chunk(&mut self, callbacks: usize, instructions: u64) -> bool {
        matches!(
            self.step_with(callbacks, instructions),
            Status::Finished { .. }
        )
    }
    fn has_work_now(&mut self) -> bool {
        Session::has_work_now(self)
    }
    fn next_deadline(&mut self) -> Option<f64> {
        Session::next_deadline(self)
    }
    fn inject(&mut self, cmd: Command) {
        if let Some(lp) = self.running_loop_mut() {
            lp.inject(cmd);
        }
    }
    fn iteration(&self) -> u64 {
        Session::iteration(self)
    }
}

/// A program running in the page.
#[derive(Clone)]
pub struct Run {
    driver: Driver<Session>,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Run")
    }
}

impl PartialEq for Run {
    fn eq(&self, _other: &Self) -> bool {
        // One run at a time; identity does not matter to views.
        true
    }
}

impl Run {
    /// Compiles `code` and starts running it at `speed`, reporting to `dispatch`. A syntax
    /// error is also reported with its editor range, so the editor can underline it.
    pub fn start(code: &str, speed: Speed, dispatch: UseReducerDispatcher<State>) -> Option<Run> {
        let run = Run::prepare(code, speed, dispatch)?;
        run.driver.start();
        Some(run)
    }

    /// Like `start`, but paused before the first iteration (for stepping from the start).
    pub fn prepare(code: &str, speed: Speed, dispatch: UseReducerDispatcher<State>) -> Option<Run> {
        dispatch.dispatch(Action::SyntaxError {
            error: syntax_error(code),
        });
        let clock = ManualClock::default();
        // The page's limits (docs/limits.md): a call that cannot pause may freeze the page
        // for at most `unpausable_ms`, measured on the page's clock.
        let limits = Limits {
            wall_clock: Some(now_ms),
            ..Limits::default()
        };
        let mut session = Session::with_limits(code, "main.py", limits);
        session.vm.tracing = true;
        session.set_clock(clock.handle());
        let lines = LineTable::new(code);
        let observer =
            Box::new(move |s: &mut Session, info: SliceInfo| report(s, info, &lines, &dispatch));
        let driver = Driver::new(session, clock, speed, observer).ok()?;
        Some(Run { driver })
    }

    /// Stops the program for good (always works: the driver simply runs nothing more).
    pub fn stop(&self) {
        self.driver.stop();
    }

    /// Freezes loop time; `resume` or `step` continue.
    pub fn pause(&self) {
        self.driver.pause();
    }

    /// Continues after `pause`.
    pub fn resume(&self) {
        self.driver.start();
    }

    /// Runs exactly one loop iteration, then stays paused.
    pub fn step(&self) {
        self.driver.step();
    }

    /// Graceful shutdown: cancels every task and lets their cleanup run.
    pub fn shutdown(&self) {
        self.driver.command(Command::Shutdown);
    }

    /// Changes how fast loop time runs.
    pub fn set_speed(&self, speed: Speed) {
        self.driver.set_speed(speed);
    }

    /// Asks the loop to cancel a task, as `task.cancel()` from outside.
    pub fn cancel(&self, task: u32) {
        self.driver.command(Command::CancelTask {
            task: TaskId(task),
            msg: None,
        });
    }
}

/// Moves one slice's output and trace batch into the reducer.
fn report(
    s: &mut Session,
    info: SliceInfo,
    table: &LineTable,
    dispatch: &UseReducerDispatcher<State>,
) {
    for (stream, text) in std::mem::take(&mut s.vm.console) {
        let stream = match stream {
            VmStream::Stdout => Stream::Stdout,
            VmStream::Stderr => Stream::Stderr,
        };
        dispatch.dispatch(Action::Output { stream, text });
    }
    {
        let events = s.take_trace();
        if !events.is_empty() {
            // The VM records the byte offset of the await (or call) as the event's span.
            let lines = events
                .iter()
                .map(|e| e.span.map(|sp| table.line_of(sp.0)))
                .collect();
            let outcomes = events
                .iter()
                .filter(|e| matches!(e.new, TaskState::Done | TaskState::Failed))
                .filter_map(|e| s.task_outcome_repr(e.task).map(|text| (e.task.0, text)))
                .collect();
            dispatch.dispatch(Action::Trace {
                events: Rc::new(events),
                lines: Rc::new(lines),
                outcomes: Rc::new(outcomes),
                time: info.time,
                iteration: info.iteration,
            });
        }
    }
    let facts = s.vm.take_facts();
    if !facts.is_empty() {
        dispatch.dispatch(Action::Facts {
            facts: Rc::new(facts),
        });
    }
    let view = s.running_loop().map(|lp| LoopView {
        ready: Rc::new(lp.ready_queue()),
        timers: Rc::new(lp.timers()),
        tree: Rc::new(snapshot(lp)),
        resources: Rc::new(lp.resources()),
        futures: Rc::new(lp.pending_futures()),
    });
    dispatch.dispatch(Action::Loop { view });
    match info.status {
        DriverStatus::Finished => dispatch.dispatch(Action::RunFinished),
        DriverStatus::Paused => dispatch.dispatch(Action::Paused { paused: true }),
        DriverStatus::Running | DriverStatus::Stuck => {
            dispatch.dispatch(Action::Paused { paused: false })
        }
    }
}

/// The program's syntax error as (UTF-16 from, to, message), if it has one.
pub fn syntax_error(code: &str) -> Option<(u32, u32, String)> {
    use crate::lang::error::ParseError;
    let found = match crate::lang::parser::parse(code) {
        Ok(module) => crate::lang::compiler::compile(&module, code, "main.py").err(),
        Err(ParseError::Syntax(e)) => Some(e),
        Err(ParseError::Internal(_)) => None,
    };
    found.map(|e| {
        let (from, to) = e.utf16_range(code);
        (from, to, e.message())
    })
}

/// `performance.now()` in milliseconds (0 if the page has no performance clock).
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
