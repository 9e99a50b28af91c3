//! `asyncio.sleep(delay, result)`: a future completed by a timer, or a bare yield for
//! `delay <= 0`. Follows CPython `tasks.sleep` and `__sleep0`.

use super::event_loop::Callback;
use super::future::FutKind;
use super::host::{Host, Resume, RuntimeExc, Step};
use super::native::Native;
use super::timers::Handle;
use super::trace::Waitable;
use super::{FutId, Loop};

/// The `sleep` coroutine. Every sleeping task holds one (as its delegate), so it is kept
/// small: the delay lives in the start state only, and the rarely given `result` is boxed
/// (100,000 sleeping tasks, docs/performance.md).
pub struct Sleep<H: Host> {
    result: Option<Box<H::Value>>,
    state: SleepState,
}

impl<H: Host> Sleep<H> {
    /// `sleep(delay, result)`'s result, while it sleeps.
    pub(crate) fn result(&self) -> Option<&H::Value> {
        self.result.as_deref()
    }
}

enum SleepState {
    Start {
        delay: f64,
    },
    /// `delay <= 0`: yielded once.
    Yielded,
    Waiting {
        fut: FutId,
        timer: Handle,
    },
    Done,
}

/// `asyncio.sleep(delay, result)`: completes after `delay` seconds with `result` (None if not
/// given); `delay <= 0` just yields for one iteration; NaN raises ValueError.
pub fn sleep<H: Host>(delay: f64, result: Option<H::Value>) -> Native<H> {
    Native::Sleep(Sleep {
        result: result.map(Box::new),
        state: SleepState::Start { delay },
    })
}

impl<H: Host> Sleep<H> {
    pub(crate) fn resume(&mut self, lp: &mut Loop<H>, host: &mut H, input: Resume<H>) -> Step<H> {
        match std::mem::replace(&mut self.state, SleepState::Done) {
            SleepState::Start { delay } => {
                if let Resume::Throw(e) = input {
                    return Step::Raise(e);
                }
                if delay <= 0.0 {
                    self.state = SleepState::Yielded;
                    return Step::Yield;
                }
                if delay.is_nan() {
                    return Step::Raise(host.new_exc(RuntimeExc::Value(
                        "Invalid delay: NaN (not a number)".into(),
                    )));
                }
                let until = lp.time() + delay;
                let fut = lp.new_future(Waitable::Sleep { until }, FutKind::Plain);
                let timer = lp.call_at_cb(until, Callback::SleepDone { fut });
                self.state = SleepState::Waiting { fut, timer };
                Step::Await(fut)
            }
            SleepState::Yielded => match input {
                Resume::Send | Resume::Continue => Step::Return(self.take_result(host)),
                Resume::Throw(e) => Step::Raise(e),
            },
            SleepState::Waiting { fut, timer } => {
                // `try: return await future finally: h.cancel()`
                lp.cancel_handle(timer);
                let r = match input {
                    Resume::Throw(e) => Err(e),
                    Resume::Send | Resume::Continue => lp.future_result(host, fut),
                };
                lp.release_future(fut);
                match r {
                    Ok(_) => Step::Return(self.take_result(host)),
                    Err(e) => Step::Raise(e),
                }
            }
            SleepState::Done => Step::Raise(host.new_exc(RuntimeExc::Runtime(
                "cannot reuse already awaited coroutine".into(),
            ))),
        }
    }

    fn take_result(&mut self, host: &mut H) -> H::Value {
        self.result.take().map_or_else(|| host.none(), |r| *r)
    }
}
