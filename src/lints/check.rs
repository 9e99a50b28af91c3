//! The lint fold: trace events and VM facts in, `Lint`s out, incrementally (the UI feeds
//! each batch; the CLI feeds a whole run). Pure: no VM, no DOM.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::{Lint, LintKind};
use crate::lang::span::LineTable;
use crate::lang::vm::facts::{Fact, FactKind};
use crate::runtime::{Reason, TaskState, TraceEvent, Waitable};
use crate::ui::model::{resources, words};

/// How many lints of one kind on one line are kept (the rest are counted).
pub const SAME_PLACE_MAX: usize = 20;

/// Folds trace batches and fact batches into lints. Invariant: `lints` holds no two lints
/// with the same kind, task name and line (a `time.sleep` in a loop is one mistake).
/// At most `SAME_PLACE_MAX` lints of one kind on one line are kept; later ones are only
/// counted (`more`), so a task bomb's 20,000 discarded tasks cost 20 lints, not 20,000.
/// Two linters are equal when they found the same lints (what a view shows).
#[derive(Clone, Debug)]
pub struct Linter {
    source: Rc<str>,
    lines: LineTable,
    lints: Vec<Lint>,
    seen: HashSet<(LintKind, Option<Rc<str>>, Option<u32>)>,
    /// Per (kind, line): lints kept there, and lints found there but not kept.
    places: HashMap<(LintKind, Option<u32>), (u32, u32)>,
    /// The sum of the second counts of `places`.
    dropped: u64,
    /// Per task of the current loop: where its latest `CancelledError` was delivered.
    delivered: HashMap<u32, Option<u32>>,
    /// Per task of the current loop: where it last suspended (an await or a yield).
    last_span: HashMap<u32, u32>,
    /// Names and cancel causes seen so far (for words about waits).
    lookup: words::Lookup,
}

/// Every lint of a finished run: `trace` and `facts` as the session recorded them, `source`
/// the program text (for lines).
pub fn check(source: &str, trace: &[TraceEvent], facts: &[Fact]) -> Vec<Lint> {
    let mut l = Linter::new(source);
    l.feed_trace(trace);
    l.feed_facts(facts);
    l.into_lints()
}

impl PartialEq for Linter {
    fn eq(&self, other: &Self) -> bool {
        self.lints == other.lints && self.dropped == other.dropped
    }
}

impl Default for Linter {
    fn default() -> Self {
        Linter::new("")
    }
}

impl Linter {
    /// A linter for the program `source`.
    pub fn new(source: &str) -> Linter {
        Linter {
            source: Rc::from(source),
            lines: LineTable::new(source),
            lints: Vec::new(),
            seen: HashSet::new(),
            places: HashMap::new(),
            dropped: 0,
            delivered: HashMap::new(),
            last_span: HashMap::new(),
            lookup: words::Lookup::default(),
        }
    }

    /// The lints found so far, in the order they were detected (loop time, iteration).
    pub fn lints(&self) -> &[Lint] {
        &self.lints
    }

    pub fn into_lints(self) -> Vec<Lint> {
        self.lints
    }

    /// The places where more lints were found than kept: (kind, line, how many more), by
    /// line then kind.
    pub fn more(&self) -> Vec<(LintKind, Option<u32>, u32)> {
        let mut v: Vec<_> = self
            .places
            .iter()
            .filter(|(_, &(_, more))| more > 0)
            .map(|(&(kind, line), &(_, more))| (kind, line, more))
            .collect();
        crate::sort::sort_by_key(&mut v, |&(kind, line, _)| (line, kind));
        v
    }

    /// Every lint found: the kept ones and the ones only counted.
    pub fn total(&self) -> u64 {
        self.lints.len() as u64 + self.dropped
    }

    fn line(&self, offset: Option<u32>) -> Option<u32> {
        offset.map(|o| self.lines.line_of(o))
    }

    fn push(&mut self, lint: Lint) {
        let key = (lint.kind, lint.task_name.clone(), lint.line);
        if self.seen.insert(key) {
            let place = self.places.entry((lint.kind, lint.line)).or_default();
            if place.0 as usize >= SAME_PLACE_MAX {
                place.1 += 1;
                self.dropped += 1;
                return;
            }
            place.0 += 1;
            // Kept in detection order (loop time, then iteration), whichever of the trace
            // and the facts told us first.
            let at = (lint.time, lint.iteration);
            let i = self.lints.partition_point(|l| (l.time, l.iteration) <= at);
            self.lints.insert(i, lint);
        }
    }

    /// Folds trace events (in order; a `seq` of 0 starts a new `asyncio.run` loop, whose
    /// task ids start over). Finds swallowed cancellations.
    pub fn feed_trace(&mut self, events: &[TraceEvent]) {
        for ev in events {
            if ev.seq == 0 {
                self.delivered.clear();
                self.last_span.clear();
                self.lookup = words::Lookup::default();
            }
            self.lookup.note(ev);
            // Delivered where the task was suspended: its last await. (Other events' spans
            // may be another task's code, such as the `.cancel()` call.)
            if let (Reason::Awaiting | Reason::Yielded, Some(sp)) = (&ev.reason, ev.span) {
                self.last_span.insert(ev.task.0, sp.0);
            }
            let here = self.last_span.get(&ev.task.0).copied();
            match &ev.reason {
                Reason::CancelledErrorDelivered { .. } => {
                    self.delivered.insert(ev.task.0, here);
                }
                // Raising another exception instead (`raise RuntimeError(...) from e`, a
                // failing `finally`) is a deliberate conversion that the awaiter sees: only
                // a normal return refuses the cancellation silently.
                Reason::Returned if ev.cancelling > 0 && ev.new == TaskState::Done => {
                    let Some(at) = self.delivered.get(&ev.task.0).copied() else {
                        continue;
                    };
                    let message = format!(
                        "{} caught the CancelledError delivered here and returned normally \
                         instead of re-raising it, so its cancellation was silently refused \
                         (cancelling() is still {}): re-raise it after cleaning up, or call \
                         uncancel() if refusing is intended",
                        ev.name, ev.cancelling
                    );
                    self.push(Lint {
                        kind: LintKind::CancelSwallowed,
                        task: Some(ev.task),
                        task_name: Some(ev.name.clone()),
                        line: self.line(at),
                        time: ev.time,
                        iteration: ev.iteration,
                        message,
                    });
                }
                _ => {}
            }
        }
    }

    /// Folds the VM's facts (in the order they were recorded).
    pub fn feed_facts(&mut self, facts: &[Fact]) {
        for f in facts {
            let (kind, task, task_name, message) = self.describe(f);
            self.push(Lint {
                kind,
                task,
                task_name,
                line: self.line(f.offset),
                time: f.time,
                iteration: f.iteration,
                message,
            });
        }
    }

    /// The kind, the task at fault and the sentence for one fact.
    fn describe(
        &self,
        f: &Fact,
    ) -> (
        LintKind,
        Option<crate::runtime::TaskId>,
        Option<Rc<str>>,
        String,
    ) {
        let who = f.task_name.clone();
        let in_task = who
            .as_deref()
            .map(|n| format!(" in {n}"))
            .unwrap_or_default();
        match &f.kind {
            FactKind::NeverAwaited { coro } => (
                LintKind::NeverAwaited,
                f.task,
                who.clone(),
                format!(
                    "coroutine '{coro}' was created{in_task} but never awaited, so its code \
                     never ran: await it, or pass it to asyncio.create_task()"
                ),
            ),
            FactKind::TaskDiscarded { dropped, name } => {
                let by = who
                    .as_deref()
                    .map(|n| format!("{n} dropped"))
                    .unwrap_or_else(|| "the program dropped".into());
                (
                    LintKind::TaskDiscarded,
                    Some(*dropped),
                    Some(name.clone()),
                    format!(
                        "{by} the only reference to the new task {name}, so it may be \
                         garbage-collected before it finishes: keep it (for example in a set, \
                         discarded when done) or create it in a TaskGroup"
                    ),
                )
            }
            FactKind::TimeSleep { seconds } => (
                LintKind::BlockingSleep,
                f.task,
                who.clone(),
                format!(
                    "{} called time.sleep({}), which blocks the whole event loop so no other \
                     task runs meanwhile: use await asyncio.sleep({}) instead",
                    who.as_deref().unwrap_or("a task"),
                    secs(*seconds),
                    secs(*seconds)
                ),
            ),
            FactKind::SlowStep {
                seconds,
                instructions,
                ongoing,
            } => {
                // On the virtual clock code takes no loop time: count instructions.
                let amount = if *seconds >= 0.001 {
                    format!(
                        "{} s of loop time ({} instructions)",
                        words::time(*seconds),
                        thousands(*instructions)
                    )
                } else {
                    format!("{} instructions", thousands(*instructions))
                };
                let how_long = if *seconds >= 0.001 {
                    format!("for {amount}")
                } else {
                    amount.clone()
                };
                (
                    LintKind::BlockingStep,
                    f.task,
                    who.clone(),
                    if *ongoing {
                        format!(
                            "{} has not awaited for more than {amount} and is still running, \
                             blocking the event loop (every other task and timer is waiting): \
                             await between chunks of work, or move it to asyncio.to_thread()",
                            who.as_deref().unwrap_or("a task")
                        )
                    } else {
                        format!(
                            "{} ran {how_long} without awaiting, blocking the event loop (every \
                             other task and timer waited): await between chunks of work, or \
                             move it to asyncio.to_thread()",
                            who.as_deref().unwrap_or("a task")
                        )
                    },
                )
            }
            FactKind::ExceptionNeverRetrieved { failed, name, exc } => (
                LintKind::ExceptionNeverRetrieved,
                Some(*failed),
                Some(name.clone()),
                format!(
                    "{name} failed with {exc} and nothing ever retrieved the exception (no \
                     await, gather or exception() call), so it went unnoticed: await the task \
                     or check task.exception()"
                ),
            ),
            FactKind::AwaitedForever { what, resource_at } => {
                let name = who.as_deref().unwrap_or("a task");
                // `q = asyncio.Queue()`: "Queue q" rather than "Queue #1".
                let var = resource_at.and_then(|at| {
                    resources::variable_name(&self.source, &self.lines, crate::runtime::Span(at))
                });
                let on = match (what, &var) {
                    (Some(w), Some(v)) => format!("waits on {} forever", named_wait(w, v)),
                    (Some(w), None) => format!("waits on {} forever", words::wait(w, &self.lookup)),
                    (None, _) => "can never continue".into(),
                };
                let it = var.as_deref().unwrap_or("it");
                let nobody = match what {
                    Some(w) => deadlock_consequence(w).replace("{it}", it),
                    None => "nothing will wake it".into(),
                };
                (
                    LintKind::AwaitedForever,
                    f.task,
                    who.clone(),
                    format!(
                        "{name} {on}: every task is waiting and no callback or timer is \
                         pending, so {nobody} (a deadlock)"
                    ),
                )
            }
            FactKind::Unreferenced { what, resource_at } => {
                let name = who.as_deref().unwrap_or("a task");
                let var = resource_at.and_then(|at| {
                    resources::variable_name(&self.source, &self.lines, crate::runtime::Span(at))
                });
                let on = match &var {
                    Some(v) => named_wait(what, v),
                    None => words::wait(what, &self.lookup),
                };
                let it = var.as_deref().unwrap_or("it");
                let nobody = deadlock_consequence(what).replace("{it}", it);
                (
                    LintKind::AwaitedForever,
                    f.task,
                    who.clone(),
                    format!(
                        "{name} waits on {on} forever: no other task, global variable, \
                         callback or stored value references {it}, so {nobody} and only \
                         cancelling {name} can end the wait: keep {it} where the code that \
                         should complete the wait can reach it"
                    ),
                )
            }
        }
    }
}

/// What can no longer happen to a thing every task waits on: "no task will set {it}".
fn deadlock_consequence(w: &Waitable) -> &'static str {
    match w {
        Waitable::Event(_) => "no task will set {it}",
        Waitable::Lock(_) | Waitable::Semaphore(_) => "no task will release {it}",
        Waitable::Condition(_) => "no task will notify {it}",
        Waitable::QueueGet(_) => "no task will put to {it}",
        Waitable::QueuePut(_) => "no task will get from {it}",
        Waitable::QueueJoin(_) => "no task will call task_done() on {it}",
        Waitable::Future => "no code will set a result on {it}",
        Waitable::Task(_) => "that task is stuck too",
        _ => "nothing will wake it",
    }
}

/// A wait on a resource the program named: "Queue q (get)", "Lock self.lock".
fn named_wait(w: &Waitable, var: &str) -> String {
    match w {
        Waitable::Lock(_) => format!("Lock {var}"),
        Waitable::Semaphore(_) => format!("Semaphore {var}"),
        Waitable::Event(_) => format!("Event {var}"),
        Waitable::Condition(_) => format!("Condition {var}"),
        Waitable::QueueGet(_) => format!("Queue {var} (get)"),
        Waitable::QueuePut(_) => format!("Queue {var} (put)"),
        Waitable::QueueJoin(_) => format!("Queue {var} (join)"),
        Waitable::Future => format!("Future {var}"),
        _ => var.to_string(),
    }
}

/// Seconds as Python would write the literal: `1.0`, `0.25`.
fn secs(s: f64) -> String {
    if s.fract() == 0.0 && s.abs() < 1e15 {
        format!("{s:.1}")
    } else {
        format!("{s}")
    }
}

/// `1800000` -> `1,800,000`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
