//! Where loop time comes from: a `Clock` trait, and the virtual clock that jumps to the next
//! timer when nothing is ready (deterministic: tests, the CLI, the "instant" speed).

/// The loop's notion of time (CPython `loop.time()`), in seconds. The core never reads a
/// system clock, so it builds for wasm32: the browser driver implements this trait on top of
/// `performance.now()` scaled by the speed factor.
pub trait Clock {
    /// Current loop time.
    fn now(&self) -> f64;
    /// CPython's `loop._clock_resolution`: timers due before `now + resolution` are run.
    fn resolution(&self) -> f64 {
        1e-9
    }
    /// Called by `run_once` when nothing is ready and the earliest timer is at `when`:
    /// a virtual clock jumps there (CPython would sleep in `select`). A real clock does
    /// nothing; its driver should not have called `run_once` before the deadline.
    fn idle_until(&mut self, _when: f64) {}
}

/// Virtual time: starts at 0.0 and only moves when the loop is idle, straight to the next
/// timer deadline.
#[derive(Clone, Debug, Default)]
pub struct VirtualClock {
    now: f64,
}

impl VirtualClock {
    /// A virtual clock starting at `start` seconds.
    pub fn starting_at(start: f64) -> Self {
        VirtualClock { now: start }
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> f64 {
        self.now
    }
    fn idle_until(&mut self, when: f64) {
        if when > self.now {
            self.now = when;
        }
    }
}

/// A clock a driver sets by hand (`set`): for a browser driver that computes scaled time
/// itself, and for tests of driver behaviour.
#[derive(Clone, Debug, Default)]
pub struct ManualClock {
    now: std::rc::Rc<std::cell::Cell<f64>>,
}

impl ManualClock {
    /// A handle sharing the same time cell, so the driver keeps one while the loop owns the other.
    pub fn handle(&self) -> ManualClock {
        self.clone()
    }
    /// The shared time cell (for readers such as Python's `time` module).
    pub fn cell(&self) -> std::rc::Rc<std::cell::Cell<f64>> {
        self.now.clone()
    }

    /// Sets loop time; time never goes backwards.
    pub fn set(&self, t: f64) {
        if t > self.now.get() {
            self.now.set(t);
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> f64 {
        self.now.get()
    }
}
