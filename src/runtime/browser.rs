//! The browser driver (wasm only): runs a `Runner` on scaled wall time, draining ready work
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

/// Called after every slice with the loop and the host (to drain the trace and the
/// program's output) and where things stand. It must not call back into the driver.
pub type Observer<H> = Box<dyn FnMut(&mut Loop<H>, &mut H, SliceInfo)>;

/// Callbacks per `run_slice` call between two looks at the wall clock.
const CALLBACKS_PER_CHECK: usize = 16;

struct Inner<H: Host> {
    lp: Loop<H>,
    host: H,
    runner: Runner<H>,
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
    observer: Observer<H>,
    me: Weak<RefCell<Inner<H>>>,
    channel: web_sys::MessageChannel,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

/// A running program in the page: the loop, its host and `asyncio.run`'s runner.
/// Cloning gives another handle to the same program.
pub struct Driver<H: Host + 'static> {
    inner: Rc<RefCell<Inner<H>>>,
}

impl<H: Host + 'static> Clone for Driver<H> {
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

impl<H: Host + 'static> Driver<H> {
    /// Prepares `asyncio.run(main)` on a fresh loop; nothing runs until `start`.
    pub fn new(
        host: H,
        main: TaskCoro<H>,
        speed: Speed,
        observer: Observer<H>,
    ) -> Result<Self, JsValue> {
        let clock = ManualClock::default();
        let mut lp = Loop::new(Box::new(clock.handle()));
        lp.set_tracing(true);
        let runner = Runner::new(&mut lp, main, None);
        let channel = web_sys::MessageChannel::new()?;
        let inner = Rc::new_cyclic(|me: &Weak<RefCell<Inner<H>>>| {
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
                lp,
                host,
                runner,
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
        if !s.lp.has_ready() {
            if let Some(d) = s.lp.next_deadline() {
                s.clock.set(d);
            }
        }
        s.run_iteration_chunk(usize::MAX);
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
        s.lp.inject(cmd);
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

    /// Reads the loop and host (for views); `None` while a slice is running.
    pub fn with<R>(&self, f: impl FnOnce(&Loop<H>, &H) -> R) -> Option<R> {
        self.inner.try_borrow().ok().map(|s| f(&s.lp, &s.host))
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

impl<H: Host + 'static> Inner<H> {
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
    fn run_iteration_chunk(&mut self, budget: usize) -> RunStatus<H::Value, H::Exc> {
        let status = self.runner.run_slice(&mut self.lp, &mut self.host, budget);
        if let RunStatus::Finished(_) = status {
            self.finished = true;
        }
        status
    }

    /// One slice: run ready work until the wall budget is used, then queue what comes next.
    fn slice(&mut self) {
        let t0 = now_ms();
        loop {
            if self.speed != Speed::Instant {
                self.sync_clock();
            }
            let now = self.clock.now();
            let due = self
                .lp
                .next_deadline()
                .filter(|&d| d <= now + self.clock.resolution());
            if !self.lp.has_ready() && due.is_none() {
                match self.lp.next_deadline() {
                    Some(d) if self.speed == Speed::Instant => {
                        self.clock.set(d);
                        self.anchor_loop = d;
                    }
                    Some(d) => {
                        self.sleep_until(d);
                        break;
                    }
                    None => {
                        // Nothing will ever happen by itself: let the runner conclude
                        // (a finished main, or stuck until a command arrives).
                        let _ = self.run_iteration_chunk(CALLBACKS_PER_CHECK);
                        break;
                    }
                }
            }
            match self.run_iteration_chunk(CALLBACKS_PER_CHECK) {
                RunStatus::Finished(_) | RunStatus::Deadlocked => break,
                RunStatus::Running => {}
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
        } else if !self.lp.has_ready() && self.lp.next_deadline().is_none() {
            DriverStatus::Stuck
        } else {
            DriverStatus::Running
        }
    }

    fn report(&mut self, wall_ms: f64) {
        let info = SliceInfo {
            status: self.status(),
            time: self.clock.now(),
            iteration: self.lp.iteration(),
            wall_ms,
        };
        (self.observer)(&mut self.lp, &mut self.host, info);
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
