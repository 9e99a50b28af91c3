//! Runs a scripted program on the real `Loop` with a virtual clock, one iteration at a time,
//! recording the trace (whole and per iteration) so panels can be fed what the app would.

use std::rc::Rc;

use asyncio_playground::runtime::{Loop, RunStatus, Runner, TaskCoro, TraceEvent, VirtualClock};
use asyncio_playground::ui::model::append_log::AppendLog;

use super::script_host::{Op, Script, TestHost};

pub struct Recorded {
    pub lp: Loop<TestHost>,
    pub host: TestHost,
    pub runner: Runner<TestHost>,
    /// Every event so far.
    pub events: Vec<TraceEvent>,
    /// The latest iteration's events.
    pub batch: Vec<TraceEvent>,
    pub finished: bool,
}

impl Recorded {
    /// Sets up `main` (named "main") on a fresh loop with tracing on; nothing runs yet.
    pub fn new(main: Vec<Op>) -> Self {
        let mut lp = Loop::new(Box::new(VirtualClock::default()));
        lp.set_tracing(true);
        let runner = Runner::new(
            &mut lp,
            TaskCoro::Host(Script::new(main)),
            Some("main".into()),
        );
        let mut r = Recorded {
            lp,
            host: TestHost::default(),
            runner,
            events: Vec::new(),
            batch: Vec::new(),
            finished: false,
        };
        r.batch = r.lp.drain_trace();
        r.events.extend(r.batch.iter().cloned());
        r
    }

    /// Runs one loop iteration and records its events.
    pub fn step(&mut self) {
        if self.finished {
            return;
        }
        match self.runner.run_once(&mut self.lp, &mut self.host) {
            RunStatus::Running => {}
            RunStatus::Finished(_) | RunStatus::Deadlocked => self.finished = true,
        }
        self.batch = self.lp.drain_trace();
        self.events.extend(self.batch.iter().cloned());
    }

    pub fn steps(&mut self, n: usize) {
        for _ in 0..n {
            self.step();
        }
    }

    /// Steps until `done` holds (or the run ends), at most 10,000 iterations.
    pub fn until(&mut self, mut done: impl FnMut(&Recorded) -> bool) {
        for _ in 0..10_000 {
            if self.finished || done(self) {
                return;
            }
            self.step();
        }
        panic!("condition not reached");
    }

    pub fn run_to_end(&mut self) {
        self.until(|_| false);
    }

    pub fn events_rc(&self) -> AppendLog<TraceEvent> {
        AppendLog::from(self.events.clone())
    }

    /// Task names by id, as the task rows hold them.
    pub fn names(&self) -> Rc<Vec<Rc<str>>> {
        let n = self.lp.task_count() as u32;
        Rc::new(
            (0..n)
                .map(|i| {
                    self.lp
                        .task_name(asyncio_playground::runtime::TaskId(i))
                        .unwrap_or_else(|| "".into())
                })
                .collect(),
        )
    }
}

/// The scenario every panel test uses: two tasks sleeping 1 s and 2 s gathered by main; a
/// task cancelled by main while it sleeps; a `wait_for` whose timeout fires at t=1.5.
///
/// ```text
/// main:   a = task(sleep1: sleep 1); b = task(sleep2: sleep 2); c = task(victim: sleep 10)
///         d = task(timed: wait_for(sleep(5), 1.5)); sleep 0.5; c.cancel(); await gather(a, b)
/// ```
pub fn gather_cancel_timeout() -> Recorded {
    Recorded::new(vec![
        Op::Task {
            var: "a",
            name: "sleep1",
            ops: vec![Op::Sleep(1.0)],
        },
        Op::Task {
            var: "b",
            name: "sleep2",
            ops: vec![Op::Sleep(2.0)],
        },
        Op::Task {
            var: "c",
            name: "victim",
            ops: vec![Op::Sleep(10.0)],
        },
        Op::Task {
            var: "d",
            name: "timed",
            ops: vec![Op::WaitForSleep {
                sleep: 5.0,
                timeout: 1.5,
            }],
        },
        Op::Sleep(0.5),
        Op::Cancel("c"),
        Op::Gather {
            vars: vec!["a", "b"],
            into: "g",
        },
        Op::Await("g"),
    ])
}
