//! The browser driver (wasm only): runs a `Program` (an `asyncio.run`, or a whole Python
//! session) on scaled wall time, draining ready work
//! from `queueMicrotask` callbacks in slices of a few milliseconds, yielding to a macrotask
//! (`MessageChannel`) between slices so the page paints, and sleeping on `setTimeout` until
//! the next timer. Commands from the UI enter the loop as injected callbacks.
//!
//! Why by hand: no crate drives a foreign event loop from the JS task queues; this is ~300
//! lines over `web-sys`, `js-sys` and `gloo-timers`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{Clock, Command, Host, Loop, ManualClock, RunStatus, Runner, TaskCoro};

/// What the driver runs. Implemented by `RunnerProgram` (one `asyncio.run` over a host) and
/// by the language's `Session` (module code, then each `asyncio.run`).
pub trait Program: 'static {
    /// Runs at most `callbacks` loop callbacks of the current iteration (or module code),
    /// with at most `instructions` VM instructions per task step. Returns true once the
    /// program has finished.
    fn run_chunk(&mut self, callbacks: usize, instructions: u64) -> bool;
    /// Is anything runnable now (ready callbacks, a due timer, module code)?
    fn has_work_now(&mut self) -> bool;
    /// The earliest pending timer.
    fn next_deadline(&mut self) -> Option<f64>;
    /// Injects a command into the running loop (ignored when no loop runs).
    fn inject(&mut self, cmd: Command);
    /// Loop iterations completed so far.
    fn iteration(&self) -> u64;
}

/// One `asyncio.run(main)` over a host, on a loop whose clock the driver sets.
pub struct RunnerProgram<H: Host> {
    pub lp: Loop<H>,
    pub host: H,
    runner: Runner<H>,
    finished: bool,
}

impl<H: Host> RunnerProgram<H> {
    /// Prepares `asyncio.run(main)` on a fresh, traced loop running on `clock`.
    pub fn new(host: H, main: TaskCoro<H>, clock: &ManualClock) -> Self {
        let mut lp = Loop::new(Box::new(clock.handle()));
        lp.set_tracing(true);
        let runner = Runner::new(&mut lp, main, None);
        RunnerProgram {
            lp,
            host,
            runner,
            finished: false,
        }
    }
}

impl<H: Host + 'static> Program for RunnerProgram<H> {
    fn run_chunk(&mut self, callbacks: usize, _instructions: u64) -> bool {
        if let RunStatus::Finished(_) =
            self.runner
                .run_slice(&mut self.lp, &mut self.host, callbacks)
        {
            self.finished = true;
        }
        self.finished
    }
    fn has_work_now(&mut self) -> bool {
        // With nothing ready and no timer, the runner must still conclude (finish/deadlock).
        self.lp.has_work_now() || self.lp.next_deadline().is_none()
    }
    fn next_deadline(&mut self) -> Option<f64> {
        self.lp.next_deadline()
    }
    fn inject(&mut self, cmd: Command) {
        self.lp.inject(cmd);
    }
    fn iteration(&self) -> u64 {
        self.lp.iteration()
    }
}

/// How fast loop time runs against wall time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Speed {
    /// Loop seconds per wall second (0.1 ..= 10).
    Scaled(f64),
    /// Virtual time: when nothing is ready, jump to the next timer at once.
    Instant,
}

/// Where the driven program stands, as the UI shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DriverStatus {
    /// Work is queued or a timer is pending.
    Running,
    /// Paused by the user; `step` and `resume` continue.
    Paused,
    /// Every task waits on something no timer will complete: only a command can help.
    Stuck,
    /// `asyncio.run` returned or raised.
    Finished,
}

/// What the observer learns after each slice.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SliceInfo {
    pub status: DriverStatus,
    /// Loop time after the slice.
    pub time: f64,
    /// Loop iterations completed so far.
    pub iteration: u64,
    /// Wall milliseconds the slice took.
    pub wall_ms: f64,
}

/// Called after every slice with the program (to drain the trace and the output) and where
/// things stand. It must not call back into the driver.
pub type Observer<P> = Box<dyn FnMut(&mut P, SliceInfo)>;

/// VM instructions one task step may run before it pauses so the page can paint.
const INSTRUCTIONS_PER_CHUNK: u64 = 20_000;

/// Callbacks per `run_slice` call between two looks at the wall clock.
const CALLBACKS_PER_CHECK: usize = 16;

struct Inner<P: Program> {
    program: P,
    clock: ManualClock,
    speed: Speed,
    paused: bool,
    finished: bool,
    /// Loop time equals `anchor_loop + (now_ms - anchor_wall_ms) / 1000 * speed`.
    anchor_wall_ms: f64,
    anchor_loop: f64,
    /// Wall milliseconds one slice may use before yielding to the page.
    slice_ms: f64,
    /// A pump is already queued (microtask, macrotask or timer): don't queue another.
    queued: bool,
    timer: Option<gloo_timers::callback::Timeout>,
    observer: Observer<P>,
    me: Weak<RefCell<Inner<P>>>,
    channel: web_sys::MessageChannel,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

/// A running program in the page. Cloning gives another handle to the same program.
pub struct Driver<P: Program> {
    inner: Rc<RefCell<Inner<P>>>,
}

/// A `Driver` that may be gone: `with` then returns `None`.
pub struct WeakDriver<P: Program> {
    inner: Weak<RefCell<Inner<P>>>,
}

impl<P: Program> WeakDriver<P> {
    /// Lends the program, unless the driver was dropped or is busy.
    pub fn with<R>(&self, f: impl FnOnce(&P) -> R) -> Option<R> {
        let inner = self.inner.upgrade()?;
        let s = inner.try_borrow().ok()?;
        Some(f(&s.program))
    }
}

impl<P: Program> Clone for Driver<P> {
    fn clone(&self) -> Self {
        Driver {
            inner: self.inner.clone(),
        }
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

impl<P: Program> Driver<P> {
    /// Prepares to run `program`, whose loops run on `clock`; nothing runs until `start`.
    pub fn new(
        program: P,
        clock: ManualClock,
        speed: Speed,
        observer: Observer<P>,
    ) -> Result<Self, JsValue> {
        let channel = web_sys::MessageChannel::new()?;
        let inner = Rc::new_cyclic(|me: &Weak<RefCell<Inner<P>>>| {
            let weak = me.clone();
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| {
                if let Some(inner) = weak.upgrade() {
                    Driver { inner }.pump();
                }
            });
            channel
                .port1()
                .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            RefCell::new(Inner {
                program,
                clock,
                speed,
                paused: true,
                finished: false,
                anchor_wall_ms: 0.0,
                anchor_loop: 0.0,
                slice_ms: 8.0,
                queued: false,
                timer: None,
                observer,
                me: me.clone(),
                channel,
                _on_message: on_message,
            })
        });
        Ok(Driver { inner })
    }

    /// Starts (or resumes) running in the background of the page.
    pub fn start(&self) {
        let Ok(mut s) = self.inner.try_borrow_mut() else {
            return;
        };
        if s.finished {
            return;
        }
        s.paused = false;
        s.reanchor();
        s.queue_microtask();
    }

    /// Stops advancing: loop time freezes until `start` or `step`.
    pub fn pause(&self) {
        let Ok(mut s) = self.inner.try_borrow_mut() else {
            return;
        };
        s.paused = true;
        s.cancel_timer();
        s.report(0.0);
    }

    /// Runs exactly one loop iteration (advancing time to the next timer if nothing is
    /// ready, as `_run_once` would have slept until it), then stays paused.
    pub fn step(&self) {
        let Ok(mut s) = self.inner.try_borrow_mut() else {
            return;
        };
        if s.finished {
            return;
        }
        s.paused = true;
        s.cancel_timer();
        let t0 = now_ms();
        if !s.program.has_work_now() {
            if let Some(d) = s.program.next_deadline() {
                s.clock.set(d);
            }
        }
        s.run_chunk(usize::MAX);
        s.reanchor();
        let ms = now_ms() - t0;
        s.report(ms);
    }

    /// Changes the speed without a jump in loop time.
    pub fn set_speed(&self, speed: Speed) {
        let Ok(mut s) = self.inner.try_borrow_mut() else {
            return;
        };
        s.sync_clock();
        s.speed = speed;
        s.reanchor();
        if !s.paused {
            s.cancel_timer();
            s.queue_microtask();
        }
    }

    /// Injects a command (cancel task N, shutdown) as the next callback, like
    /// `call_soon_threadsafe`, and makes sure the loop wakes to run it.
    pub fn command(&self, cmd: Command) {
        let Ok(mut s) = self.inner.try_borrow_mut() else {
            return;
        };
        if s.finished {
            return;
        }
        s.program.inject(cmd);
        if !s.paused {
            s.cancel_timer();
            s.queue_microtask();
        } else {
            s.report(0.0);
        }
    }

    /// Ends the program now: nothing more runs (Stop).
    pub fn stop(&self) {
        let Ok(mut s) = self.inner.try_borrow_mut() else {
            return;
        };
        s.finished = true;
        s.paused = true;
        s.cancel_timer();
        s.report(0.0);
    }

    /// Sets how many wall milliseconds one slice may take (default 8).
    pub fn set_slice_ms(&self, ms: f64) {
        if let Ok(mut s) = self.inner.try_borrow_mut() {
            s.slice_ms = ms.max(0.5);
        }
    }

    /// Reads the program (for views); `None` while a slice is running.
    pub fn with<R>(&self, f: impl FnOnce(&P) -> R) -> Option<R> {
        self.inner.try_borrow().ok().map(|s| f(&s.program))
    }

    /// Changes the program outside a slice (a recorder noting a user action); `None` while
    /// a slice is running.
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut P) -> R) -> Option<R> {
        self.inner
            .try_borrow_mut()
            .ok()
            .map(|mut s| f(&mut s.program))
    }

    /// A handle that does not keep the program alive (for observers the driver itself
    /// holds, which would otherwise form a cycle that no reference count frees).
    pub fn downgrade(&self) -> WeakDriver<P> {
        WeakDriver {
            inner: Rc::downgrade(&self.inner),
        }
    }

    /// Runs one slice now. Called from the queued microtask, macrotask or timer.
    fn pump(&self) {
        let Ok(mut s) = self.inner.try_borrow_mut() else {
            return;
        };
        s.queued = false;
        s.timer = None;
        if s.paused || s.finished {
            return;
        }
        s.slice();
    }
}

impl<P: Program> Inner<P> {
    /// Drops a pending timer (gloo cancels it on drop) so a new pump can be queued.
    fn cancel_timer(&mut self) {
        if self.timer.take().is_some() {
            self.queued = false;
        }
    }

    fn loop_time_at(&self, wall_ms: f64) -> f64 {
        match self.speed {
            Speed::Scaled(k) => self.anchor_loop + (wall_ms - self.anchor_wall_ms) / 1000.0 * k,
            Speed::Instant => self.anchor_loop,
        }
    }

    fn sync_clock(&mut self) {
        let t = self.loop_time_at(now_ms());
        self.clock.set(t);
    }

    fn reanchor(&mut self) {
        self.anchor_wall_ms = now_ms();
        self.anchor_loop = self.clock.now();
    }

    /// Runs up to `budget` callbacks of the current (or a new) iteration.
    fn run_chunk(&mut self, budget: usize) {
        if self.program.run_chunk(budget, INSTRUCTIONS_PER_CHUNK) {
            self.finished = true;
        }
    }

    /// One slice: run ready work until the wall budget is used, then queue what comes next.
    fn slice(&mut self) {
        let t0 = now_ms();
        loop {
            if self.speed != Speed::Instant {
                self.sync_clock();
            }
            if !self.program.has_work_now() {
                match self.program.next_deadline() {
                    // Instant: nothing to do now, so jump to the next timer.
                    Some(d) if self.speed == Speed::Instant => {
                        self.clock.set(d);
                        self.anchor_loop = d;
                    }
                    Some(d) => {
                        self.sleep_until(d);
                        break;
                    }
                    None => break,
                }
            }
            self.run_chunk(CALLBACKS_PER_CHECK);
            if self.finished {
                break;
            }
            if now_ms() - t0 >= self.slice_ms {
                self.queue_macrotask();
                break;
            }
        }
        self.report(now_ms() - t0);
    }

    fn status(&mut self) -> DriverStatus {
        if self.finished {
            DriverStatus::Finished
        } else if self.paused {
            DriverStatus::Paused
        } else if !self.program.has_work_now() && self.program.next_deadline().is_none() {
            DriverStatus::Stuck
        } else {
            DriverStatus::Running
        }
    }

    fn report(&mut self, wall_ms: f64) {
        let info = SliceInfo {
            status: self.status(),
            time: self.clock.now(),
            iteration: self.program.iteration(),
            wall_ms,
        };
        (self.observer)(&mut self.program, info);
    }

    fn queue_microtask(&mut self) {
        if self.queued {
            return;
        }
        self.queued = true;
        let weak = self.me.clone();
        let f = Closure::once_into_js(move || {
            if let Some(inner) = weak.upgrade() {
                Driver { inner }.pump();
            }
        });
        if let Some(w) = web_sys::window() {
            w.queue_microtask(f.unchecked_ref());
        }
    }

    /// Yields to the page (it may paint and handle input), then continues: a message on a
    /// `MessageChannel` is a macrotask without `setTimeout`'s 4 ms clamp.
    fn queue_macrotask(&mut self) {
        if self.queued {
            return;
        }
        self.queued = true;
        if self.channel.port2().post_message(&JsValue::NULL).is_err() {
            self.queued = false;
        }
    }

    fn sleep_until(&mut self, deadline: f64) {
        let Speed::Scaled(k) = self.speed else { return };
        let wait_ms = ((deadline - self.clock.now()) / k * 1000.0).max(0.0);
        let weak = self.me.clone();
        self.queued = true;
        self.timer = Some(gloo_timers::callback::Timeout::new(
            wait_ms.ceil() as u32,
            move || {
                if let Some(inner) = weak.upgrade() {
                    Driver { inner }.pump();
                }
            },
        ));
    }
}
