//! The playground's verbs for rewind, replay, compare, export and import (effects here,
//! the pure parts in `ui/rewind.rs` and `crate::replay`).

use std::rc::Rc;

use super::Playground;
use crate::replay::{file, Imported, RunFile, Script};
use crate::runtime::TaskId;
use crate::ui::rewind::{self, HistoryAction, Past, Pinned, Source};
use crate::ui::state::{Action, RunStatus, State};

/// Where the shown run can be rewound from.
enum From {
    /// A program and its inputs (the live run, a replayed link or run file).
    Run { code: Rc<str>, script: Script },
    /// A trace alone.
    Trace(Rc<Vec<crate::runtime::TraceEvent>>),
}

/// The state the run panels show (`Playground::shown`); hold it for a render, not longer
/// (a live one is a `Snapshot`, see the invariant on `Playground`).
pub enum Shown {
    Past(Rc<State>),
    Live(super::Snapshot),
}

impl std::ops::Deref for Shown {
    type Target = State;
    fn deref(&self) -> &State {
        match self {
            Shown::Past(s) => s,
            Shown::Live(s) => s,
        }
    }
}

impl Playground {
    /// What the run panels show: the rewound past while one is shown, else the live state.
    pub fn shown(&self) -> Shown {
        let st = self.state();
        match &st.history.past {
            Some(p) => Shown::Past(p.state.clone()),
            None => Shown::Live(st),
        }
    }

    /// The shown run's source and its iteration count (`None`: nothing to rewind).
    fn rewindable(&self) -> Option<(From, u64)> {
        let st = self.now();
        let h = &st.history;
        if let Some(run) = &st.run {
            let last = run.iterations();
            let from = From::Run {
                code: run.code(),
                script: run.script(),
            };
            return (!st.trace.is_empty()).then_some((from, last));
        }
        h.source.as_ref().map(|(src, last)| {
            let from = match &**src {
                Source::Run { code, script } => From::Run {
                    code: code.clone(),
                    script: (**script).clone(),
                },
                Source::Trace { events } => From::Trace(events.clone()),
            };
            (from, *last)
        })
    }

    /// The last iteration the scrubber can reach and where it stands now (`None`: no run to
    /// rewind).
    pub fn scrubber(&self) -> Option<(u64, u64)> {
        let st = self.now();
        let h = &st.history;
        let last = match (&st.run, &h.source) {
            (Some(run), _) if !st.trace.is_empty() => run.iterations(),
            (None, Some((_, last))) => *last,
            _ => return None,
        };
        let at = h.past.as_ref().map_or(last, |p| p.iteration);
        Some((last, at))
    }

    /// Shows every panel as it was after iteration `k` (the live run again at the end).
    pub fn rewind_to(&self, k: u64) {
        let st = self.now();
        let Some((from, last)) = self.rewindable() else {
            return;
        };
        if k >= last {
            self.back_to_live();
            return;
        }
        // A running program goes on underneath: pause it, so "now" stays put.
        if let (Some(run), RunStatus::Running) = (&st.run, st.status) {
            run.pause();
        }
        let live: &State = &st;
        let mut state = match from {
            From::Run { code, script } => {
                (*rewind::rewound(&code, &script, k, live.runs, live)).clone()
            }
            From::Trace(events) => rewind::folded(&events, Some(k), live.runs, live),
        };
        state.selected = live.selected;
        let past = Past {
            iteration: k,
            last,
            state: Rc::new(state),
        };
        self.handle.dispatch(Action::History {
            action: HistoryAction::Show {
                past: Some(Rc::new(past)),
            },
        });
    }

    /// Back to the live run (or the end of a replayed one).
    pub fn back_to_live(&self) {
        let st = self.now();
        if st.history.past.is_some() {
            self.handle.dispatch(Action::History {
                action: HistoryAction::Show { past: None },
            });
        }
    }

    /// One loop iteration back (from the live run: the one before the latest).
    pub fn step_back(&self) {
        if let Some((_, at)) = self.scrubber() {
            self.rewind_to(at.saturating_sub(1));
        }
    }

    /// While rewound, one iteration forward (true), else nothing (false).
    pub(super) fn step_forward_in_past(&self) -> bool {
        let st = self.now();
        match st.history.past.as_deref() {
            Some(p) => {
                self.rewind_to(p.iteration + 1);
                true
            }
            None => false,
        }
    }

    /// Keeps the highlighted task the same in a rewound view.
    pub(super) fn select_in_past(&self, task: Option<TaskId>) {
        let st = self.now();
        if let Some(p) = st.history.past.as_deref() {
            let mut state = (*p.state).clone();
            state.selected = task;
            let past = Past {
                state: Rc::new(state),
                ..p.clone()
            };
            self.handle.dispatch(Action::History {
                action: HistoryAction::Show {
                    past: Some(Rc::new(past)),
                },
            });
        }
    }

    /// Pins the live run as run A of a comparison (`false`: unpins).
    pub fn pin(&self, on: bool) {
        let st = self.now();
        let s: &State = &st;
        let pinned = (on && !s.trace.is_empty()).then(|| {
            Rc::new(Pinned {
                code: s.run.as_ref().map_or_else(|| s.code.clone(), |r| r.code()),
                trace: s.trace.clone(),
                lints: s.lints.clone(),
                time: s.time,
                runs: s.runs,
            })
        });
        self.handle.dispatch(Action::History {
            action: HistoryAction::Pin { pinned },
        });
    }

    /// The shown run as a file: the program, its inputs and its trace (a run file, which
    /// replays exactly), or the trace alone when no program is known.
    pub fn run_file(&self) -> Option<(String, String)> {
        let st = self.now();
        let s: &State = &st;
        match self.rewindable()?.0 {
            From::Run { code, script } => Some((
                "asyncio-run.json".into(),
                RunFile::new(&code, &script, &s.trace.items()).to_json(),
            )),
            From::Trace(events) => Some((
                "asyncio-trace.json".into(),
                crate::ui::model::event_log::export_json(&events),
            )),
        }
    }

    /// The shown run's inputs as `Script` text, when it ran the program in the editor (a
    /// share link then carries it, so the reader can replay this very run).
    pub fn shareable_run(&self) -> Option<String> {
        let st = self.now();
        match self.rewindable()?.0 {
            From::Run { code, script } if *code == *st.code => Some(script.to_text()),
            _ => None,
        }
    }

    /// Downloads `run_file`.
    pub fn export_run(&self) {
        if let Some((name, json)) = self.run_file() {
            if let Err(e) = crate::ui::panels::event_log::download(&name, &json) {
                web_sys::console::error_1(&e);
            }
        }
    }

    /// Replays `code` with `script` to its end and shows it (read-only), saying `notice`;
    /// with `expected`, also whether the replay made that very trace.
    pub fn replay(
        &self,
        code: &str,
        script: Script,
        notice: &str,
        expected: Option<&[crate::runtime::TraceEvent]>,
    ) {
        let st = self.now();
        if let Some(run) = &st.run {
            run.stop();
        }
        let live: &State = &st;
        let (state, last, late) = rewind::replayed(code, &script, live.runs + 1, live);
        let actions = script.user_actions().count();
        let mut notice = format!(
            "{notice}: {} events over {last} loop iterations, with {actions} user action{}.",
            state.trace.len(),
            if actions == 1 { "" } else { "s" }
        );
        if late > 0 {
            notice.push_str(&format!(
                " {late} recorded inputs could not be applied at their exact point."
            ));
        }
        if let Some(expected) = expected {
            let got = state.trace.items();
            match got.iter().zip(expected).position(|(a, b)| a != b) {
                None if got.len() == expected.len() => {
                    notice.push_str(" It made exactly the trace in the file.")
                }
                i => notice.push_str(&format!(
                    " It differs from the trace in the file from event {} on.",
                    i.unwrap_or(got.len().min(expected.len())) + 1
                )),
            }
        }
        self.handle.dispatch(Action::LoadCode { code: code.into() });
        self.handle.dispatch(Action::History {
            action: HistoryAction::Loaded {
                state: Rc::new(state),
                source: Rc::new(Source::Run {
                    code: Rc::from(code),
                    script: Rc::new(script),
                }),
                last,
                notice: Rc::from(notice),
            },
        });
    }

    /// Imports a trace or run file (`name` is the file's name, for the notice).
    pub fn import(&self, name: &str, bytes: &[u8]) {
        let st = self.now();
        match file::parse(bytes) {
            Err(e) => self.notice(Some(format!("Could not import {name}: {e}"))),
            Ok(Imported::Run {
                code,
                script,
                trace,
            }) => self.replay(
                &code,
                script,
                &format!("Imported {name} and replayed it"),
                Some(&trace),
            ),
            Ok(Imported::Trace(events)) => {
                if let Some(run) = &st.run {
                    run.stop();
                }
                let live: &State = &st;
                let last = rewind::last_iteration(&events);
                let state = rewind::folded(&events, None, live.runs + 1, live);
                let tasks = state.tasks.len();
                self.handle.dispatch(Action::History {
                    action: HistoryAction::Loaded {
                        state: Rc::new(state),
                        source: Rc::new(Source::Trace {
                            events: Rc::new(events.clone()),
                        }),
                        last,
                        notice: Rc::from(format!(
                            "Imported {name}: {} events of {tasks} tasks over {last} loop iterations, read-only (a trace holds no program, so the loop's queues and the console are empty).",
                            events.len()
                        )),
                    },
                });
            }
        }
    }

    /// Shows (or closes) the notice about the shown run.
    pub fn notice(&self, text: Option<String>) {
        self.handle.dispatch(Action::History {
            action: HistoryAction::Notice {
                notice: text.map(Rc::from),
            },
        });
    }
}
