//! Rewind, replay, compare and import in the page. A rewound view is the run re-run from
//! its recorded `Script` to iteration k (`crate::replay`), its reports folded into a fresh
//! `State` exactly as the live frames were, so every panel shows what stepping to k showed.
//! A trace with no program (a CLI `--trace` file) is rewound by folding a prefix instead.

use std::rc::Rc;

use super::bridge::{loop_view, report};
use super::frames::report_actions;
use super::model::append_log::AppendLog;
use super::state::{apply, Action, RunStatus, State};
use crate::lang::span::LineTable;
use crate::lints::Linter;
use crate::replay::{Replayer, Script};
use crate::runtime::browser::{DriverStatus, SliceInfo};
use crate::runtime::TraceEvent;

/// The page as it was after `iteration` of `last` iterations.
#[derive(Clone, Debug, PartialEq)]
pub struct Past {
    pub iteration: u64,
    pub last: u64,
    pub state: Rc<State>,
}

/// A run the page shows without a live `Run` behind it: a replayed link or file (its
/// program and script), or an imported trace alone.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Run { code: Rc<str>, script: Rc<Script> },
    Trace { events: Rc<Vec<TraceEvent>> },
}

/// Run A of a comparison: what it ran and the trace it made.
#[derive(Clone, Debug, PartialEq)]
pub struct Pinned {
    pub code: Rc<str>,
    pub trace: AppendLog<TraceEvent>,
    pub lints: Rc<Linter>,
    pub time: f64,
    pub runs: u32,
}

/// Rewind, compare and import state (one field of `State`, changed only by `HistoryAction`s
/// and cleared by a new run or a reset).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// Shown instead of the live run while set.
    pub past: Option<Rc<Past>>,
    /// The shown run when no live `Run` holds it, and its iteration count.
    pub source: Option<(Rc<Source>, u64)>,
    /// Run A, pinned for a comparison.
    pub pinned: Option<Rc<Pinned>>,
    /// What the page says about the shown run ("Replayed from the link", an import error).
    pub notice: Option<Rc<str>>,
    /// The recorded run of the link the page was opened from, until it is replayed.
    pub offered: Option<Rc<Script>>,
}

/// What can happen to the history.
#[derive(Clone, Debug, PartialEq)]
pub enum HistoryAction {
    /// Show the run as it was (`None`: the live run again).
    Show { past: Option<Rc<Past>> },
    /// Pin run A (`None`: unpin).
    Pin { pinned: Option<Rc<Pinned>> },
    /// A replayed or imported run replaces the shown one (read-only: no live `Run`).
    Loaded {
        state: Rc<State>,
        source: Rc<Source>,
        last: u64,
        notice: Rc<str>,
    },
    /// Say something about the shown run (`None`: close the notice).
    Notice { notice: Option<Rc<str>> },
}

/// Applies a history action (the reducer's `Action::History` arm).
pub fn reduce(next: &mut State, action: HistoryAction) {
    let h = &mut next.history;
    match action {
        HistoryAction::Show { past } => h.past = past,
        HistoryAction::Pin { pinned } => h.pinned = pinned,
        HistoryAction::Notice { notice } => h.notice = notice,
        HistoryAction::Loaded {
            state,
            source,
            last,
            notice,
        } => {
            h.past = None;
            h.offered = None;
            h.source = Some((source, last));
            h.notice = Some(notice);
            next.run = None;
            next.runs = state.runs;
            next.status = RunStatus::Finished;
            next.tasks = state.tasks.clone();
            next.trace = state.trace.clone();
            next.console = state.console.clone();
            next.view = state.view.clone();
            next.lints = state.lints.clone();
            next.time = state.time;
            next.iteration = state.iteration;
            next.transitions = state.transitions.clone();
            next.selected = None;
        }
    }
}

impl History {
    /// A new run (or a reset) starts: nothing rewound, no replayed source; A stays pinned.
    pub fn on_new_run(&mut self) {
        forget_cache();
        self.past = None;
        self.source = None;
        self.notice = None;
    }
}

/// A fresh state for run number `runs` of `code`, keeping the page's settings from `base`.
fn fresh(code: &str, runs: u32, base: &State) -> State {
    let mut st = State {
        code: Rc::from(code),
        runs: runs.saturating_sub(1),
        theme: base.theme,
        speed: base.speed,
        ..State::default()
    };
    apply(&mut st, Action::RunStarted { run: None });
    st
}

/// A replay and the state folded from its reports so far.
struct Folding {
    replayer: Replayer,
    state: State,
    lines: LineTable,
    /// Whether a limit's stop has been reported (once, as the live run does).
    limit_told: bool,
}

impl Folding {
    fn new(code: &str, script: &Script, runs: u32, base: &State) -> Folding {
        Folding {
            replayer: Replayer::new(code, script),
            state: fresh(code, runs, base),
            lines: LineTable::new(code),
            limit_told: false,
        }
    }

    /// Folds what the last chunk reported, as a live frame would.
    fn fold(&mut self) {
        let r = &mut self.replayer;
        let info = SliceInfo {
            status: DriverStatus::Running,
            time: r.time(),
            iteration: r.session.iteration(),
            wall_ms: 0.0,
        };
        let rep = report(&mut r.session, info, &self.lines, &mut self.limit_told);
        for a in report_actions(rep, None) {
            apply(&mut self.state, a);
        }
    }

    /// Runs one chunk and folds it; false once the run has ended.
    fn step(&mut self) -> bool {
        let ran = self.replayer.step();
        if ran {
            self.fold();
        }
        ran
    }

    /// The state as the page shows it here: the loop as it stands, and the status.
    fn snapshot(&mut self) -> State {
        self.fold();
        let mut st = self.state.clone();
        let failed = super::bridge::failed(&mut self.replayer.session);
        let r = &self.replayer;
        apply(
            &mut st,
            Action::Loop {
                view: loop_view(&r.session),
            },
        );
        apply(
            &mut st,
            if r.finished() {
                Action::RunFinished { failed }
            } else {
                Action::Paused { paused: true }
            },
        );
        st
    }
}

/// Re-runs `code` from `script` to its end and folds every report into a state numbered
/// `runs`, as the live frames did. Returns it with the run's iteration count and how many
/// marks were applied late (0: exact).
pub fn replayed(code: &str, script: &Script, runs: u32, base: &State) -> (State, u64, usize) {
    let mut f = Folding::new(code, script, runs, base);
    while f.step() {}
    let st = f.snapshot();
    (st, f.replayer.iteration(), f.replayer.late)
}

/// How many iterations before a rewind target are kept, so Step back from it is instant.
const KEPT_BEHIND: u64 = 8;

/// The last rewind: its replay (to go on forward from) and the states it passed.
struct Cache {
    key: (Rc<str>, Script, u32),
    folding: Folding,
    states: std::collections::BTreeMap<u64, Rc<State>>,
}

thread_local! {
    static CACHE: std::cell::RefCell<Option<Cache>> = const { std::cell::RefCell::new(None) };
}

/// Drops the kept replay (its session) once its run is no longer shown.
pub fn forget_cache() {
    let _ = CACHE.try_with(|c| c.try_borrow_mut().map(|mut c| *c = None));
}

/// The run of `code` with `script` as it was after iteration `k`, numbered `runs`. Re-runs
/// from the start unless the last rewind of the same run can go on forward, or passed `k`
/// (the few iterations before each target are kept, for Step back).
pub fn rewound(code: &Rc<str>, script: &Script, k: u64, runs: u32, base: &State) -> Rc<State> {
    CACHE.with(|cell| {
        let mut cache = cell.borrow_mut();
        let key = (code.clone(), script.clone(), runs);
        let fits = cache.as_ref().is_some_and(|c| {
            c.key == key && (c.states.contains_key(&k) || c.folding.replayer.iteration() <= k)
        });
        if !fits {
            *cache = Some(Cache {
                key,
                folding: Folding::new(code, script, runs, base),
                states: Default::default(),
            });
        }
        let Some(c) = cache.as_mut() else {
            return Rc::new(base.clone());
        };
        if let Some(st) = c.states.get(&k) {
            return st.clone();
        }
        loop {
            let r = &c.folding.replayer;
            let it = r.iteration();
            if it + KEPT_BEHIND >= k && r.is_at_iteration(it) && !c.states.contains_key(&it) {
                let st = Rc::new(c.folding.snapshot());
                c.states.insert(it, st);
            }
            if c.folding.replayer.is_at_iteration(k) || !c.folding.step() {
                break;
            }
        }
        let st = Rc::new(c.folding.snapshot());
        c.states.insert(k, st.clone());
        // Keep the cache small: the states near the latest target only.
        let far: Vec<u64> = c
            .states
            .keys()
            .copied()
            .filter(|&i| i + 4 * KEPT_BEHIND < k || i > k + 4 * KEPT_BEHIND)
            .collect();
        for i in far {
            c.states.remove(&i);
        }
        st
    })
}

/// Each event's iteration counted over the whole trace (a second `asyncio.run` counts on).
pub fn global_iterations(events: &[TraceEvent]) -> Vec<u64> {
    let (mut before, mut prev) = (0, 0);
    events
        .iter()
        .map(|e| {
            if e.iteration < prev {
                before += prev;
            }
            prev = e.iteration;
            before + e.iteration
        })
        .collect()
}

/// A trace with no program, folded up to iteration `k` (`None`: all of it) into a state
/// numbered `runs`. The loop panels stay empty: a trace does not hold the loop's queues.
pub fn folded(events: &[TraceEvent], k: Option<u64>, runs: u32, base: &State) -> State {
    let mut st = fresh("", runs, base);
    let its = global_iterations(events);
    let n = match k {
        Some(k) => its.iter().take_while(|&&i| i <= k).count(),
        None => events.len(),
    };
    let prefix: Vec<TraceEvent> = events.get(..n).unwrap_or_default().to_vec();
    let (time, iteration) = prefix.last().map_or((0.0, 0), |e| (e.time, e.iteration));
    let lines = vec![None; prefix.len()];
    apply(
        &mut st,
        Action::Trace {
            events: Rc::new(prefix),
            lines: Rc::new(lines),
            outcomes: Rc::new(Vec::new()),
            groups: Rc::new(Vec::new()),
            time,
            iteration,
        },
    );
    // A trace holds no program output: how the program ended is not known.
    apply(&mut st, Action::RunFinished { failed: false });
    st
}

/// The last iteration of a trace, counted over the whole trace.
pub fn last_iteration(events: &[TraceEvent]) -> u64 {
    global_iterations(events).last().copied().unwrap_or(0)
}
