//! Two runs side by side: where their traces first differ, in words ("At loop iteration 4
//! (t=1.000), A: saver Awaiting → Cancelled (ended cancelled); B: saver stays Running…").
//! Events are compared in trace order on what a reader sees: iteration, task, change, why.

use crate::runtime::TraceEvent;

use super::event_log::EventKind;
use super::words::{self, Lookup, StateKind};

/// Where two traces part.
#[derive(Clone, Debug, PartialEq)]
pub enum Divergence {
    /// Same events in the same iterations (times may differ: `first_time_difference`).
    Same {
        events: usize,
        first_time_difference: Option<usize>,
    },
    /// Event `index` differs (or exists in one run only).
    At {
        index: usize,
        iteration: u64,
        time: f64,
        /// The task concerned (A's event's, else B's).
        task: String,
        /// The sentence to show.
        words: String,
    },
}

/// What must agree for two events to count as the same step of the story.
fn key(ev: &TraceEvent) -> (u64, &str, StateKind, StateKind, EventKind) {
    (
        ev.iteration,
        &ev.name,
        StateKind::of(&ev.old),
        StateKind::of(&ev.new),
        EventKind::of(&ev.reason),
    )
}

/// One event as the comparison says it: "saver: Awaiting → Cancelled (ended cancelled)".
fn say(ev: &TraceEvent, lk: &Lookup) -> String {
    format!(
        "{}: {} ({}) at iteration {}, t={}",
        ev.name,
        words::change(ev),
        words::reason(ev, lk),
        ev.iteration,
        words::time(ev.time)
    )
}

/// The first point where `b` differs from `a`.
pub fn first_divergence(a: &[TraceEvent], b: &[TraceEvent]) -> Divergence {
    let (mut la, mut lb) = (Lookup::default(), Lookup::default());
    let mut time_diff = None;
    for i in 0..a.len().max(b.len()) {
        let (ea, eb) = (a.get(i), b.get(i));
        if let Some(e) = ea {
            la.note(e);
        }
        if let Some(e) = eb {
            lb.note(e);
        }
        let (ev, words) = match (ea, eb) {
            (Some(x), Some(y)) if key(x) == key(y) => {
                if time_diff.is_none() && x.time != y.time {
                    time_diff = Some(i);
                }
                continue;
            }
            (Some(x), Some(y)) => (
                x,
                format!(
                    "The runs diverge at loop iteration {} (event {}): in A, {}; in B, {}.",
                    x.iteration.min(y.iteration),
                    i + 1,
                    say(x, &la),
                    say(y, &lb)
                ),
            ),
            (Some(x), None) => (
                x,
                format!(
                    "B ends after {} events; A goes on at loop iteration {}: {}.",
                    b.len(),
                    x.iteration,
                    say(x, &la)
                ),
            ),
            (None, Some(y)) => (
                y,
                format!(
                    "A ends after {} events; B goes on at loop iteration {}: {}.",
                    a.len(),
                    y.iteration,
                    say(y, &lb)
                ),
            ),
            (None, None) => break,
        };
        return Divergence::At {
            index: i,
            iteration: ev.iteration,
            time: ev.time,
            task: ev.name.to_string(),
            words,
        };
    }
    Divergence::Same {
        events: a.len(),
        first_time_difference: time_diff,
    }
}

impl Divergence {
    /// The sentence the compare view shows.
    pub fn words(&self) -> String {
        match self {
            Divergence::At { words, .. } => words.clone(),
            Divergence::Same {
                events,
                first_time_difference: None,
            } => format!("The runs are the same: {events} events, at the same loop times."),
            Divergence::Same {
                events,
                first_time_difference: Some(i),
            } => format!(
                "The runs take the same {events} steps, but at different loop times from \
                 event {} on.",
                i + 1
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::vm::session::Session;

    fn trace_of(code: &str) -> Vec<TraceEvent> {
        let mut s = Session::new(code, "main.py");
        s.vm.tracing = true;
        s.run_to_end();
        s.take_trace()
    }

    const WITH: &str = "import asyncio\n\nasync def save():\n    await asyncio.sleep(2)\n    print('saved')\n\nasync def main():\n    t = asyncio.create_task(save(), name='saver')\n    try:\n        await asyncio.wait_for(asyncio.shield(t), 1)\n    except TimeoutError:\n        print('timed out')\n    await t\n\nasyncio.run(main())\n";

    #[test]
    fn the_same_program_twice_is_the_same_run() {
        let a = trace_of(WITH);
        let d = first_divergence(&a, &trace_of(WITH));
        assert_eq!(
            d,
            Divergence::Same {
                events: a.len(),
                first_time_difference: None
            }
        );
        assert!(d.words().contains("the same"), "{}", d.words());
    }

    #[test]
    fn without_shield_the_saver_is_cancelled_where_it_was_shielded() {
        let without = WITH.replace("asyncio.shield(t)", "t");
        let d = first_divergence(&trace_of(WITH), &trace_of(&without));
        let Divergence::At {
            iteration, words, ..
        } = &d
        else {
            panic!("expected a divergence, got {d:?}");
        };
        assert!(*iteration > 0);
        assert!(
            words.contains("The runs diverge at loop iteration"),
            "{words}"
        );
        assert!(
            words.contains("in A,") && words.contains("in B,"),
            "{words}"
        );
    }

    #[test]
    fn a_run_that_goes_on_is_named() {
        let a = trace_of(WITH);
        let d = first_divergence(&a[..3], &a);
        assert!(matches!(&d, Divergence::At { index: 3, .. }), "{d:?}");
        assert!(
            d.words().starts_with("A ends after 3 events"),
            "{}",
            d.words()
        );
    }
}
