//! `time` on the event loop's clock: `time()`, `monotonic()`, `perf_counter()` read loop
//! time (virtual, so elapsed times print exactly); `sleep()` blocks the loop by advancing
//! the clock, as a blocking call would (the UI shows the task blocking the loop).

use std::cell::Cell;
use std::rc::Rc;

use crate::lang::value::{Args, BuiltinFn, PyErr, PyResult, Value};
use crate::lang::vm::Vm;
use crate::runtime::Clock;

/// A virtual clock shared between the loop and the `time` module.
#[derive(Clone, Default)]
pub struct SharedClock(pub Rc<Cell<f64>>);

impl Clock for SharedClock {
    fn now(&self) -> f64 {
        self.0.get()
    }
    fn idle_until(&mut self, when: f64) {
        if when > self.0.get() {
            self.0.set(when);
        }
    }
}

/// Seconds added to loop time for `time.time()` (a plausible epoch time).
const EPOCH: f64 = 1_767_225_600.0;

fn now(vm: &mut Vm) -> f64 {
    vm.clock.0.get()
}
fn time(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(EPOCH + now(vm)))
}
fn monotonic(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(now(vm)))
}
fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("sleep", 1, 1)?;
    let d = match &args.pos[0] {
        Value::Float(f) => *f,
        other => crate::lang::value::int::int_of(other)
            .map(|i| i.to_f64())
            .transpose()?
            .ok_or_else(|| {
                PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                ))
            })?,
    };
    if d < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    vm.note_time_sleep(d);
    let c = &vm.clock.0;
    c.set(c.get() + d);
    Ok(Value::None)
}

pub fn functions() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("time", time),
        ("monotonic", monotonic),
        ("perf_counter", monotonic),
        ("sleep", sleep),
    ]
}
