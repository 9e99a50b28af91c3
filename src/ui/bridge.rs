//! The bridge from the UI to a running program: compiles the editor's code into a language
//! `Session`, drives it with the runtime's browser driver, and turns each slice's trace batch
//! and console output into reducer actions, delivered once per animation frame (`frames`).
//! The UI talks back only through `Run` commands.

use std::rc::Rc;

use yew::UseReducerDispatcher;

use super::frames::{FrameStats, Frames, Sink, SliceReport};
use super::model::await_tree::snapshot;
use super::state::{Action, LimitNotice, LoopView, State, Stream};
use crate::lang::span::LineTable;
use crate::lang::value::exception::Limit;
use crate::lang::vm::limits::Limits;
use crate::lang::vm::session::{Session, Status};
use crate::lang::vm::Stream as VmStream;
use crate::replay::{Input, IterationCount, Position, Recorder, Script};
use crate::runtime::browser::{Driver, Program, SliceInfo, Speed};
use crate::runtime::{Command, ManualClock, Reason, TaskId, TaskState};

/// The session a driver runs, with the record of what came from outside (clock changes,
/// user commands, slice pauses) so the run can be replayed exactly (`crate::replay`).
pub struct Recorded {
    pub session: Session,
    clock: ManualClock,
    recorder: Recorder,
    count: IterationCount,
}

impl Recorded {
    /// The inputs recorded so far.
    pub fn script(&self) -> &Script {
        self.recorder.script()
    }

    /// Loop iterations begun so far, over every loop of the run.
    pub fn iterations(&self) -> u64 {
        self.count.total()
    }

    /// Notes a user action now (Stop: it runs nothing, so the driver never tells us).
    fn note(&mut self, input: Input) {
        self.recorder.input(Position::of(&self.session), input);
    }
}

impl Program for Recorded {
    fn run_chunk(&mut self, callbacks: usize, instructions: u64) -> bool {
        use crate::runtime::Clock;
        self.recorder
            .before_chunk(Position::of(&self.session), self.clock.now());
        let status = self.session.step_with(callbacks, instructions);
        self.recorder
            .after_session_chunk(&self.session, self.clock.now());
        self.count.note(&self.session);
        matches!(status, Status::Finished { .. })
    }
    fn has_work_now(&mut self) -> bool {
        Session::has_work_now(&mut self.session)
    }
    fn next_deadline(&mut self) -> Option<f64> {
        Session::next_deadline(&mut self.session)
    }
    fn inject(&mut self, cmd: Command) {
        let input = match &cmd {
            Command::CancelTask { task, .. } => Input::Cancel(task.0),
            Command::Shutdown => Input::Shutdown,
        };
        if let Some(lp) = self.session.running_loop_mut() {
            lp.inject(cmd);
            self.note(input);
        }
    }
    fn iteration(&self) -> u64 {
        Session::iteration(&self.session)
    }
}

/// A program running in the page.
#[derive(Clone)]
pub struct Run {
    driver: Driver<Recorded>,
    frames: Frames,
    /// The program as it was when the run started (the editor may change since).
    code: Rc<str>,
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
        Run::prepare_with(code, speed, Rc::new(move |a| dispatch.dispatch(a)))
    }

    /// Like `prepare`, reporting to any `sink` (tests count what arrives).
    pub fn prepare_with(code: &str, speed: Speed, sink: Sink) -> Option<Run> {
        sink(Action::SyntaxError {
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
        let frames = Frames::new(sink);
        let observer = {
            let frames = frames.clone();
            let mut limit_told = false;
            Box::new(move |r: &mut Recorded, info: SliceInfo| {
                frames.report(report(&mut r.session, info, &lines, &mut limit_told))
            })
        };
        let recorded = Recorded {
            session,
            clock: clock.handle(),
            recorder: Recorder::default(),
            count: IterationCount::default(),
        };
        let driver = Driver::new(recorded, clock, speed, observer).ok()?;
        {
            // Weak: the driver holds the observer, which holds `frames`; a strong handle here
            // would keep every finished run's Session alive (found by the soak).
            let driver = driver.downgrade();
            frames.set_view_source(Box::new(move || driver.with(|r| loop_view(&r.session))));
        }
        Some(Run {
            driver,
            frames,
            code: Rc::from(code),
        })
    }

    /// Like `start`, reporting to any `sink`.
    pub fn start_with(code: &str, speed: Speed, sink: Sink) -> Option<Run> {
        let run = Run::prepare_with(code, speed, sink)?;
        run.driver.start();
        Some(run)
    }

    /// Stops the program for good (always works: the driver simply runs nothing more).
    /// What it reported so far is delivered now; nothing after.
    pub fn stop(&self) {
        self.driver.with_mut(|r| {
            if !r.session.is_finished() {
                r.note(Input::Stop);
            }
        });
        self.driver.stop();
        self.frames.close();
    }

    /// Sets how many wall milliseconds one slice may take (the driver's default is 8).
    pub fn set_slice_ms(&self, ms: f64) {
        self.driver.set_slice_ms(ms);
    }

    /// Slices run and frames dispatched so far (at most one per animation frame).
    pub fn frame_stats(&self) -> FrameStats {
        self.frames.stats()
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

impl Run {
    /// The program this run runs.
    pub fn code(&self) -> Rc<str> {
        self.code.clone()
    }

    /// What the run took from outside so far (empty if the driver is busy right now).
    pub fn script(&self) -> Script {
        self.driver.with(|r| r.script().clone()).unwrap_or_default()
    }

    /// Loop iterations begun so far, over every loop.
    pub fn iterations(&self) -> u64 {
        self.driver.with(|r| r.iterations()).unwrap_or(0)
    }
}

/// Takes one slice's output, trace batch and loop view out of the session.
pub(crate) fn report(
    s: &mut Session,
    info: SliceInfo,
    table: &LineTable,
    limit_told: &mut bool,
) -> SliceReport {
    let output = s
        .take_output()
        .into_iter()
        .map(|o| {
            let stream = match o.stream {
                VmStream::Stdout => Stream::Stdout,
                VmStream::Stderr => Stream::Stderr,
            };
            (stream, o.task, o.text)
        })
        .collect();
    let events = s.take_trace();
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
    // A limit that stopped the run, once (Stop is the reader's own doing: no notice).
    let limit = match &s.vm.limit_hit {
        Some(hit) if !*limit_told && hit.limit != Limit::Stop => {
            *limit_told = true;
            Some(LimitNotice {
                task: hit.task,
                label: s.vm.limit_label(hit.limit),
                place: hit.place.clone(),
                message: s.vm.limit_message(hit.limit).trim().to_string(),
            })
        }
        _ => None,
    };
    let groups = events
        .iter()
        .filter(|e| matches!(e.reason, Reason::Created))
        .filter_map(|e| s.task_group(e.task).map(|g| (e.task.0, g)))
        .collect();
    SliceReport {
        groups,
        output,
        events,
        lines,
        outcomes,
        limit,
        facts: s.vm.take_facts(),
        time: info.time,
        iteration: info.iteration,
        status: info.status,
        failed: failed(s),
    }
}

/// The program has ended with an uncaught exception or a syntax error: asking a finished
/// session to step runs nothing and answers how it ended (`Session::step_inner`).
pub(crate) fn failed(s: &mut Session) -> bool {
    s.is_finished() && matches!(s.step(0), Status::Finished { ok: false })
}

/// The loop's queues and await tree now (`None`: no loop runs); after a deadlock, the
/// stuck loop as it was (its await tree shows who waits on whom).
pub(crate) fn loop_view(s: &Session) -> Option<LoopView> {
    s.running_loop()
        .or(s.deadlocked.as_ref())
        .map(|lp| LoopView {
            ready: Rc::new(lp.ready_queue()),
            timers: Rc::new(lp.timers()),
            tree: Rc::new(snapshot(lp)),
            resources: Rc::new(lp.resources()),
            futures: Rc::new(lp.pending_futures()),
        })
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
