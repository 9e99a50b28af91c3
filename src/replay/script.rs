//! What a run needs besides its program to be reproduced exactly: every change of loop time
//! a driver made and every user action (cancel, shut down, stop), each at the exact point
//! of the run where it happened (`Position`). `Recorder` writes one while a run goes on.

use serde::{Deserialize, Serialize};

use crate::lang::vm::session::Session;

/// A point in a run that does not depend on wall time or on how a driver sliced it: the
/// VM instructions executed so far, the running loop's iteration and the ready items it has
/// taken. Invariant: along one run every field only grows while a loop runs, and `steps`
/// grows between loops, so positions are ordered as the run is (lexicographically).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    pub steps: u64,
    pub iteration: u64,
    pub callbacks: u64,
}

impl Position {
    /// Where `s` stands now.
    pub fn of(s: &Session) -> Position {
        Position {
            steps: s.vm.steps,
            iteration: s.iteration(),
            callbacks: s.running_loop().map_or(0, |lp| lp.callbacks_taken()),
        }
    }
}

/// Something from outside the program that changed what it did.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Input {
    /// The driver set loop time (wall time scaled, a jump to the next timer, a step).
    Clock(f64),
    /// The user cancelled task N (`task.cancel()` from outside).
    Cancel(u32),
    /// The user pressed Shut down (cancel every task, let cleanup run).
    Shutdown,
    /// The user stopped the run: nothing ran after this point.
    Stop,
    /// A slice ended inside a step (the instruction budget ran out): the replay pauses
    /// there too, so the trace's Paused events fall where they fell.
    Pause,
}

impl Input {
    /// Is this a user's action (not a clock change)?
    pub fn is_user_action(self) -> bool {
        !matches!(self, Input::Clock(_) | Input::Pause)
    }

    /// The action in words, for the replay banner ("cancel Task-3").
    pub fn describe(self, names: &dyn Fn(u32) -> String) -> String {
        match self {
            Input::Clock(t) => format!("loop time set to {t:.3}s"),
            Input::Cancel(n) => format!("cancel {}", names(n)),
            Input::Shutdown => "shut down".into(),
            Input::Stop => "stop".into(),
            Input::Pause => "a slice ended inside a step".into(),
        }
    }
}

/// One input and where it entered the run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub at: Position,
    pub input: Input,
}

/// Every input of one run, in the order they happened. Invariant: `marks` is sorted by
/// `at` (a recorder only appends positions that do not go back).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Script {
    pub marks: Vec<Mark>,
}

/// The version prefix of a script's text form.
const TEXT_VERSION: &str = "r1";

/// Why a script's text could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct ScriptError(pub String);

impl std::fmt::Display for ScriptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the recorded run cannot be read: {}", self.0)
    }
}

impl Script {
    /// The user actions only (cancel clicks, shutdown, stop), with where they happened.
    pub fn user_actions(&self) -> impl Iterator<Item = &Mark> {
        self.marks.iter().filter(|m| m.input.is_user_action())
    }

    /// The compact text form links carry: `r1;t0.25@120.3.14;c2@300.4.20;...` (kind, value,
    /// `@steps.iteration.callbacks`; kinds t clock, c cancel, s shutdown, x stop, p pause). Times print in Rust's shortest form that reads back
    /// to the same `f64`, so a replay sees the very same clock values.
    pub fn to_text(&self) -> String {
        let mut out = String::from(TEXT_VERSION);
        for m in &self.marks {
            out.push(';');
            match m.input {
                Input::Clock(t) => out.push_str(&format!("t{t}")),
                Input::Cancel(n) => out.push_str(&format!("c{n}")),
                Input::Shutdown => out.push('s'),
                Input::Stop => out.push('x'),
                Input::Pause => out.push('p'),
            }
            let p = m.at;
            out.push_str(&format!("@{}.{}.{}", p.steps, p.iteration, p.callbacks));
        }
        out
    }

    /// Reads `to_text`'s form; every malformed part is an error naming it.
    pub fn from_text(text: &str) -> Result<Script, ScriptError> {
        let mut parts = text.split(';');
        match parts.next() {
            Some(TEXT_VERSION) => {}
            other => {
                return Err(ScriptError(format!(
                    "it starts with {:?}, not {TEXT_VERSION:?}",
                    other.unwrap_or_default()
                )))
            }
        }
        let mut marks: Vec<Mark> = Vec::new();
        for (i, part) in parts.enumerate() {
            let bad = |why: &str| ScriptError(format!("mark {} ({part:?}) {why}", i + 1));
            let (what, at) = part.split_once('@').ok_or_else(|| bad("has no '@'"))?;
            let mut nums = at.split('.').map(str::parse::<u64>);
            let (Some(Ok(steps)), Some(Ok(iteration)), Some(Ok(callbacks)), None) =
                (nums.next(), nums.next(), nums.next(), nums.next())
            else {
                return Err(bad("has no steps.iteration.callbacks position"));
            };
            let mut chars = what.chars();
            let kind = chars.next();
            let value = chars.as_str();
            let input = match kind {
                Some('t') => match value.parse::<f64>() {
                    Ok(t) if t.is_finite() && t >= 0.0 => Input::Clock(t),
                    _ => return Err(bad("has no valid loop time")),
                },
                Some('c') => Input::Cancel(value.parse().map_err(|_| bad("names no task"))?),
                Some('s') if value.is_empty() => Input::Shutdown,
                Some('x') if value.is_empty() => Input::Stop,
                Some('p') if value.is_empty() => Input::Pause,
                _ => return Err(bad("is not a clock change, cancel, shutdown or stop")),
            };
            let at = Position {
                steps,
                iteration,
                callbacks,
            };
            if marks.last().is_some_and(|m| m.at > at) {
                return Err(bad("goes back in the run"));
            }
            marks.push(Mark { at, input });
        }
        Ok(Script { marks })
    }
}

/// Writes a `Script` while a driver runs a session: call `before_chunk` before each
/// `step_with` (it notes a clock the driver moved), `after_chunk` after it (the clock as the
/// program left it: `time.sleep` moves it too, and that needs no mark), `input` per action.
#[derive(Clone, Debug)]
pub struct Recorder {
    script: Script,
    /// Loop time when the last chunk ended (a replay's clock starts at 0 as the page's).
    last_clock: f64,
}

impl Default for Recorder {
    fn default() -> Self {
        Recorder {
            script: Script::default(),
            last_clock: 0.0,
        }
    }
}

impl Recorder {
    /// A chunk is about to run at `at` with loop time `clock`.
    pub fn before_chunk(&mut self, at: Position, clock: f64) {
        if clock != self.last_clock {
            self.push(at, Input::Clock(clock));
            self.last_clock = clock;
        }
    }

    /// The chunk ended at `at` with loop time `clock`, inside a step if `paused`.
    pub fn after_chunk(&mut self, at: Position, clock: f64, paused: bool) {
        self.last_clock = clock;
        if paused {
            self.push(at, Input::Pause);
        }
    }

    /// `after_chunk` for a session: reads where it stands and its loop time.
    pub fn after_session_chunk(&mut self, s: &Session, clock: f64) {
        let paused = s.running_loop().is_some_and(|lp| lp.is_paused());
        self.after_chunk(Position::of(s), clock, paused);
    }

    /// The user acted at `at`.
    pub fn input(&mut self, at: Position, input: Input) {
        self.push(at, input);
    }

    fn push(&mut self, at: Position, input: Input) {
        // Positions never go back along a run; keep the invariant even if one did.
        let at = self.script.marks.last().map_or(at, |m| m.at.max(at));
        self.script.marks.push(Mark { at, input });
    }

    /// What was recorded so far.
    pub fn script(&self) -> &Script {
        &self.script
    }
}
