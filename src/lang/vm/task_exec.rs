//! What a task runs, as the runtime holds it (`TaskExec`: a coroutine's execution stack and
//! what it waits on), and the program's callables the loop calls back (`Callback`).

use std::rc::Rc;

use super::eval::Exec;
use super::Vm;
use crate::lang::value::function::Coroutine;
use crate::lang::value::{PyErr, PyResult, Value};
use crate::runtime::Native;

/// A task's coroutine as the runtime holds it. Invariant: `delegate` is `Some` exactly
/// while the top frame waits at `YieldFrom` on a runtime object.
pub struct TaskExec {
    pub ex: Exec,
    pub coro: Rc<Coroutine>,
    pub started: bool,
    pub delegate: Option<Delegate>,
    /// Thrown in at the first step instead of starting (a task running an async
    /// generator's `aclose()`/`athrow(e)` awaitable).
    pub initial_throw: Option<Box<PyErr>>,
}

/// What a suspended task waits on.
pub enum Delegate {
    Native(Native<Vm>, &'static str),
    Ready(PyResult<Value>, &'static str),
}

/// A Python callable the loop calls back; equality is identity (enough for
/// `remove_done_callback` of the same function object).
#[derive(Clone)]
pub struct Callback {
    pub func: Value,
    /// Extra arguments (`call_soon(cb, *args)`).
    pub args: Rc<[Value]>,
}

impl PartialEq for Callback {
    fn eq(&self, other: &Self) -> bool {
        self.func.is(&other.func)
    }
}

impl TaskExec {
    /// Takes a coroutine object's frame to run it as a task.
    pub fn new(coro: &Value) -> PyResult<TaskExec> {
        let Value::Coroutine(c) = coro else {
            return Err(PyErr::type_error(format!(
                "a coroutine was expected, got {}",
                repr_short(coro)
            )));
        };
        if c.is_async_gen {
            return TaskExec::for_async_gen(c);
        }
        if !c.is_coroutine {
            return Err(PyErr::type_error(
                "a coroutine was expected, got a generator",
            ));
        }
        let frame = c.frame.borrow_mut().take();
        let Some(mut frame) = frame else {
            return Err(PyErr::runtime_error(
                "cannot reuse already awaited coroutine",
            ));
        };
        c.started.set(true);
        c.running.set(true);
        frame.owner = Some(c.clone());
        Ok(TaskExec {
            ex: Exec {
                frames: vec![*frame],
            },
            coro: c.clone(),
            started: false,
            delegate: None,
            initial_throw: None,
        })
    }

    /// A task for an async generator's `athrow(e)`/`aclose()` awaitable (as the loop's
    /// finalizer hook makes for `aclose()`): the generator's frame, with `e` to throw in.
    fn for_async_gen(c: &Rc<Coroutine>) -> PyResult<TaskExec> {
        let op = c.agen_op.take().map(|op| *op);
        let Some(crate::lang::value::function::AgenOp::Throw(e)) = op else {
            return Err(PyErr::type_error(
                "a coroutine was expected, got an async_generator",
            ));
        };
        let frame = c.frame.borrow_mut().take();
        let Some(mut frame) = frame.filter(|_| c.started.get() && !c.running.get()) else {
            // Not started or already finished: nothing to run.
            return Err(PyErr::runtime_error(
                "cannot close an async generator that is not suspended",
            ));
        };
        c.running.set(true);
        frame.owner = Some(c.clone());
        Ok(TaskExec {
            ex: Exec {
                frames: vec![*frame],
            },
            coro: c.clone(),
            started: false,
            delegate: None,
            initial_throw: Some(Box::new(e)),
        })
    }
}

impl Drop for TaskExec {
    /// The coroutine's frames go with the task: the object is finished (as CPython's
    /// `TaskGroup.create_task` closes a coroutine it refuses).
    fn drop(&mut self) {
        self.coro.running.set(false);
    }
}

fn repr_short(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Str(s) => crate::lang::value::str::repr_str(s.as_str()),
        Value::None => "None".into(),
        other => format!("<{} object>", other.type_name()),
    }
}
