//! The timeline's folds of the trace (lanes, names, cancel requests), kept across frames and
//! caught up with only the events added since the last frame, so a frame costs its batch.

use crate::runtime::TraceEvent;

use super::provenance::Requests;
use super::timeline::Timeline;
use super::Lookup;

/// Folds of one run's trace. Invariant: `timeline`, `lookup` and `requests` are exactly
/// `from_events(&trace[..seen])` of the trace from `source`.
#[derive(Debug, Default)]
pub struct TraceFolds {
    pub timeline: Timeline,
    pub lookup: Lookup,
    pub requests: Requests,
    /// Where the folded trace came from: `State::runs` of its run and its buffer's address
    /// (`AppendLog::key().0`). A different source is folded from scratch.
    source: (u32, usize),
    /// How many events of that run's trace are folded in.
    seen: usize,
}

impl TraceFolds {
    /// Brings the folds up to `events`, the whole trace so far of `source` (run, buffer).
    /// A trace only grows within its source; a different source, or a shorter trace (a
    /// reset), folds from scratch. Returns whether anything changed.
    pub fn catch_up(&mut self, source: (u32, usize), events: &[TraceEvent]) -> bool {
        if source != self.source || events.len() < self.seen {
            *self = TraceFolds {
                source,
                ..TraceFolds::default()
            };
        }
        let new = events.get(self.seen..).unwrap_or_default();
        for ev in new {
            self.timeline.apply(ev);
            self.lookup.note(ev);
            self.requests.note(ev);
        }
        self.seen = events.len();
        !new.is_empty()
    }

    /// How many events are folded in.
    pub fn seen(&self) -> usize {
        self.seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two tasks, one cancelled by the other (names, segments, a cancel request).
    fn trace() -> Vec<TraceEvent> {
        super::super::tests::sample()
    }

    #[test]
    fn catching_up_batch_by_batch_equals_folding_the_whole_trace() {
        let events = trace();
        assert!(events.len() > 4);
        let mut folds = TraceFolds::default();
        for end in [1, 2, 2, events.len() / 2, events.len()] {
            folds.catch_up((1, 0), &events[..end]);
            assert_eq!(folds.seen(), end);
        }
        assert_eq!(folds.timeline, Timeline::from_events(&events));
        assert_eq!(
            format!("{:?}", folds.requests),
            format!("{:?}", Requests::from_events(&events))
        );
    }

    #[test]
    fn a_new_run_or_a_shorter_trace_starts_over() {
        let events = trace();
        let mut folds = TraceFolds::default();
        folds.catch_up((1, 0), &events);
        assert!(folds.catch_up((2, 0), &events[..1]));
        assert!(
            folds.catch_up((2, 7), &events[..1]),
            "another buffer starts over"
        );
        assert_eq!(folds.seen(), 1);
        assert_eq!(folds.timeline, Timeline::from_events(&events[..1]));
        folds.catch_up((2, 0), &events);
        assert!(!folds.catch_up((2, 0), &events));
        folds.catch_up((2, 0), &[]);
        assert_eq!(folds.seen(), 0);
        assert!(folds.timeline.lanes.is_empty());
    }
}
