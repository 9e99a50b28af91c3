//! Runs a program again from its `Script`: each recorded clock change and user action is
//! applied at the very position it happened, so the replay takes the same steps, in the
//! same iterations, at the same loop times as the recorded run (the virtual clock and the
//! VM are deterministic; only the clock and the user came from outside).

use crate::lang::vm::limits::Limits;
use crate::lang::vm::session::{Session, Status};
use crate::runtime::{Command, ManualClock, TaskId};

use super::script::{Input, Mark, Position, Script};

/// VM instructions per chunk when no mark is near: unbounded, since every pause of the
/// recorded run is a mark (a pause elsewhere would add a Paused event); the run's
/// instruction limit still ends a runaway step.
const CHUNK_INSTRUCTIONS: u64 = u64::MAX;

/// Loop iterations counted over the whole run (a program may call `asyncio.run` twice; each
/// loop counts from 1). Fed after every chunk; the same count for any slicing of one run,
/// since a chunk begins at most one iteration and a new loop starts at 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IterationCount {
    before: u64,
    last: u64,
}

impl IterationCount {
    /// Notes where `s` stands after a chunk.
    pub fn note(&mut self, s: &Session) {
        let it = s.iteration();
        if it < self.last {
            self.before += self.last;
        }
        self.last = it;
    }

    /// Iterations begun so far, over every loop of the run.
    pub fn total(&self) -> u64 {
        self.before + self.last
    }
}

/// Is `s` stopped after `k` loop iterations of its run: a loop runs, `k` iterations have
/// begun and none is unfinished? (Iteration 0: the module code has started the loop.)
pub fn at_iteration(s: &Session, count: &IterationCount, k: u64) -> bool {
    count.total() >= k && s.running_loop().is_some_and(|lp| !lp.in_iteration())
}

/// A session re-running a recorded run. `step` runs one chunk; the caller drains the trace
/// and the console after each, as a driver's observer does.
pub struct Replayer {
    pub session: Session,
    clock: ManualClock,
    marks: Vec<Mark>,
    next: usize,
    finished: bool,
    count: IterationCount,
    /// Marks applied after their position was passed (0 for an exact replay; a run that
    /// hit the wall-clock limit of one unpausable call cannot be replayed exactly).
    pub late: usize,
}

impl Replayer {
    /// Prepares to re-run `code` (as `main.py`, with the page's limits but no wall clock).
    pub fn new(code: &str, script: &Script) -> Replayer {
        let clock = ManualClock::default();
        let mut session = Session::with_limits(code, "main.py", Limits::default());
        session.vm.tracing = true;
        session.set_clock(clock.handle());
        Replayer {
            session,
            clock,
            marks: script.marks.clone(),
            next: 0,
            finished: false,
            count: IterationCount::default(),
            late: 0,
        }
    }

    /// The program ended (or the recorded run was stopped here).
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Loop iterations begun so far (over every loop).
    pub fn iteration(&self) -> u64 {
        self.count.total()
    }

    /// Is the replay stopped right after iteration `k` (see `at_iteration`)?
    pub fn is_at_iteration(&self, k: u64) -> bool {
        at_iteration(&self.session, &self.count, k)
    }

    /// Loop time now.
    pub fn time(&self) -> f64 {
        use crate::runtime::Clock;
        self.clock.now()
    }

    /// Runs one chunk towards the next mark, applying every mark due first. Returns false
    /// (and runs nothing) once the run has finished.
    pub fn step(&mut self) -> bool {
        if self.finished {
            return false;
        }
        self.apply_due();
        if self.finished {
            return false;
        }
        let before = Position::of(&self.session);
        // Stop exactly at the next mark: at most its instruction count, and one callback
        // at a time while it lies in this iteration.
        let (callbacks, instructions) = match self.marks.get(self.next) {
            None => (usize::MAX, CHUNK_INSTRUCTIONS),
            Some(m) => {
                let instructions = m.at.steps.saturating_sub(before.steps);
                // The rest of an iteration begun before the mark's may run at once (a call
                // never begins a second iteration); else one callback at a time, and none
                // after a paused step (continued to its end, it would run one more).
                let lp = self.session.running_loop();
                let in_iteration = lp.is_some_and(|lp| lp.in_iteration());
                let paused = lp.is_some_and(|lp| lp.is_paused());
                let callbacks = if in_iteration && m.at.iteration > before.iteration {
                    usize::MAX
                } else if paused {
                    0
                } else {
                    1
                };
                (callbacks, instructions)
            }
        };
        let status = self.session.step_with(callbacks, instructions);
        self.count.note(&self.session);
        if let Status::Finished { .. } = status {
            self.finished = true;
        } else if Position::of(&self.session) == before && self.next < self.marks.len() {
            // No progress towards the mark (the replay drifted): apply it now.
            self.late += 1;
            self.apply(self.next);
            self.next += 1;
        }
        true
    }

    /// Runs until `k` iterations have completed (between iterations), or to the end.
    pub fn run_to_iteration(&mut self, k: u64, mut after_chunk: impl FnMut(&mut Replayer)) {
        while !at_iteration(&self.session, &self.count, k) {
            if !self.step() {
                break;
            }
            after_chunk(self);
        }
    }

    /// Runs to the end (or to the recorded Stop).
    pub fn run_to_end(&mut self, mut after_chunk: impl FnMut(&mut Replayer)) {
        while self.step() {
            after_chunk(self);
        }
    }

    /// Applies every mark at or before the current position.
    fn apply_due(&mut self) {
        let now = Position::of(&self.session);
        while let Some(m) = self.marks.get(self.next) {
            if m.at > now {
                break;
            }
            if m.at < now {
                self.late += 1;
            }
            self.apply(self.next);
            self.next += 1;
            if self.finished {
                break;
            }
        }
    }

    fn apply(&mut self, i: usize) {
        let Some(m) = self.marks.get(i).copied() else {
            return;
        };
        let inject = |s: &mut Session, cmd| {
            if let Some(lp) = s.running_loop_mut() {
                lp.inject(cmd);
            }
        };
        match m.input {
            Input::Clock(t) => self.clock.set(t),
            Input::Cancel(n) => inject(
                &mut self.session,
                Command::CancelTask {
                    task: TaskId(n),
                    msg: None,
                },
            ),
            Input::Shutdown => inject(&mut self.session, Command::Shutdown),
            Input::Stop => self.finished = true,
            Input::Pause => {}
        }
    }
}
