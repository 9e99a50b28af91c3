//! Generators and coroutines: `yield`, `await`, `yield from` (CPython `YIELD_VALUE`,
//! `GET_AWAITABLE`, `SEND`; `Objects/genobject.c`). A delegated coroutine's frame is moved
//! onto the running execution stack, so suspending never leaves Rust frames behind.

use std::rc::Rc;

use crate::lang::compiler::Op;
use crate::lang::value::function::{AgenOp, Coroutine};
use crate::lang::value::{PyErr, PyResult, Value};
use crate::lang::vm::eval::{stack_underflow, Exec, Flow, Outcome, Resume};
use crate::lang::vm::frame::Frame;
use crate::lang::vm::Vm;

impl Vm {
    pub(crate) fn op_generator(&mut self, f: &mut Frame, op: Op) -> PyResult<Flow> {
        match op {
            Op::YieldValue => {
                let v = f.stack.pop().ok_or_else(stack_underflow)?;
                if f.owner.as_ref().is_some_and(|o| o.is_async_gen) {
                    return Ok(Flow::AsyncGenYield(v));
                }
                Ok(Flow::Yield(v))
            }
            Op::GetAwaitable => {
                let v = f.stack.last().cloned().ok_or_else(stack_underflow)?;
                let ok = match &v {
                    Value::Coroutine(c) => c.is_coroutine || c.is_async_gen,
                    Value::Rt(h) => h.is_awaitable(),
                    Value::Native(_) => true,
                    Value::Instance(_) => {
                        if let Some(m) = crate::lang::vm::protocol::user_method(&v, "__await__") {
                            let it =
                                self.call(&m, crate::lang::value::Args::new(vec![v.clone()]))?;
                            f.stack.pop();
                            f.stack.push(it);
                            return Ok(Flow::Next);
                        }
                        false
                    }
                    _ => false,
                };
                if !ok {
                    return Err(PyErr::type_error(format!(
                        "'{}' object can't be awaited",
                        v.type_name()
                    )));
                }
                Ok(Flow::Next)
            }
            Op::YieldFrom => {
                let value = f.stack.pop().ok_or_else(stack_underflow)?;
                let sub = f.stack.last().cloned().ok_or_else(stack_underflow)?;
                match &sub {
                    Value::Coroutine(c) => {
                        if c.is_async_gen && c.has_agen_op() {
                            return self.enter_async_gen(c, value);
                        }
                        if c.is_async_gen && c.frame.borrow().is_none() && !c.running.get() {
                            // `__anext__()` of a finished async generator.
                            return Err(PyErr::new(
                                &crate::lang::builtins::types::exception("StopAsyncIteration"),
                                vec![],
                            ));
                        }
                        let frame = self.take_frame(c, &value)?;
                        Ok(Flow::Push(frame))
                    }
                    Value::Rt(_) | Value::Native(_) => {
                        // A runtime object: the task's host drives it (see `vm/host.rs`) and
                        // resumes this frame with `Resume::Delegated`; `[sub]` stays on the
                        // stack until then.
                        Ok(Flow::Yield(sub))
                    }
                    _ => match self.next(&sub)? {
                        Some(v) => {
                            f.pc -= 1;
                            Ok(Flow::Yield(v))
                        }
                        None => {
                            f.stack.pop();
                            f.stack.push(Value::None);
                            Ok(Flow::Next)
                        }
                    },
                }
            }
            _ => Err(stack_underflow()),
        }
    }

    /// Awaiting an async generator's `__anext__()`/`asend(v)`/`athrow(e)`/`aclose()`
    /// (CPython `async_gen_asend_send`, `async_gen_athrow_send`): runs its frame above
    /// this one, sending a value or throwing an exception in.
    fn enter_async_gen(&mut self, c: &Rc<Coroutine>, value: Value) -> PyResult<Flow> {
        let op = c.agen_op.take().map(|op| *op);
        match op {
            None => Ok(Flow::Push(self.take_frame(c, &value)?)),
            Some(AgenOp::Send(_)) if c.frame.borrow().is_none() && !c.running.get() => {
                Err(PyErr::new(
                    &crate::lang::builtins::types::exception("StopAsyncIteration"),
                    vec![],
                ))
            }
            Some(AgenOp::Send(v)) => Ok(Flow::Push(self.take_frame(c, &v)?)),
            Some(AgenOp::Throw(e)) => {
                if c.running.get() {
                    return Err(PyErr::runtime_error(
                        "anext(): asynchronous generator is already running",
                    ));
                }
                if !c.started.get() || c.frame.borrow().is_none() {
                    // Not started, or finished: nothing runs; the exception is raised here
                    // (`aclose()` of such a generator just marks it closed).
                    *c.frame.borrow_mut() = None;
                    c.started.set(true);
                    if c.closing.replace(false) {
                        return Ok(Flow::AgenClosed);
                    }
                    return Err(e);
                }
                let frame = self.take_frame(c, &Value::None)?;
                Ok(Flow::PushThrow(frame, e))
            }
        }
    }

    /// Moves a generator's frame out of its object to run it, sending `value` into it.
    fn take_frame(&mut self, c: &Rc<Coroutine>, value: &Value) -> PyResult<Box<Frame>> {
        let what = if c.is_coroutine {
            "coroutine"
        } else {
            "generator"
        };
        if c.running.get() {
            return Err(PyErr::value_error(format!("{what} already executing")));
        }
        let Some(mut frame) = c.frame.borrow_mut().take() else {
            return Err(PyErr::runtime_error(if c.is_coroutine {
                "cannot reuse already awaited coroutine"
            } else {
                "generator already finished"
            }));
        };
        if c.started.get() {
            frame.stack.push(value.clone());
        } else if !value.is_none() {
            *c.frame.borrow_mut() = Some(frame);
            return Err(PyErr::type_error(format!(
                "can't send non-None value to a just-started {what}"
            )));
        }
        if c.is_async_gen && !c.started.get() && !self.lp.is_null() {
            // asyncio's `firstiter` hook: the loop will close it (`_asyncgens`).
            c.hooked.set(true);
            if self.asyncgens.len() >= 64 && self.asyncgens.len().is_power_of_two() {
                self.asyncgens.retain(|w| w.strong_count() > 0);
            }
            self.asyncgens.push(Rc::downgrade(c));
        }
        c.started.set(true);
        c.running.set(true);
        frame.owner = Some(c.clone());
        Ok(frame)
    }

    /// `next(generator)` from Rust: resumes it on its own stack until it yields or ends.
    pub(crate) fn resume_generator(
        &mut self,
        c: &Rc<Coroutine>,
        resume: Resume,
    ) -> PyResult<Option<Value>> {
        Ok(self.resume_generator_full(c, resume)?.ok())
    }

    /// `resume_generator` that also gives what the generator returned: `Ok(yielded)` or
    /// `Err(returned)` (`send()` raises `StopIteration(returned)`).
    pub(crate) fn resume_generator_full(
        &mut self,
        c: &Rc<Coroutine>,
        resume: Resume,
    ) -> PyResult<Result<Value, Value>> {
        let value = match &resume {
            Resume::Send(v) => v.clone(),
            _ => Value::None,
        };
        let frame = self.take_frame(c, &value)?;
        let mut ex = Exec {
            frames: vec![*frame],
        };
        if self.native_depth >= self.limits.native_depth {
            return Err(PyErr::with_msg(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        self.enter_unpausable();
        self.depth += 1;
        let start = match resume {
            Resume::Throw(e) => Resume::Throw(e),
            _ => Resume::Continue,
        };
        let r = self.run(&mut ex, start, None);
        self.leave_unpausable();
        match r {
            Ok(Outcome::Yield(v)) => {
                // Put the suspended frames back into their generators. A generator
                // delegating with `yield from` waits at `YieldFrom` with `[sub]` on its
                // stack: it is stored one instruction back, so resuming it sends the value
                // on into `sub` (whose own frame is back in `sub`).
                self.depth = self.depth.saturating_sub(ex.frames.len());
                let n = ex.frames.len();
                for (i, mut frame) in ex.frames.drain(..).enumerate().rev() {
                    if i + 1 < n {
                        frame.pc = frame.pc.saturating_sub(1);
                    }
                    let owner = if i == 0 {
                        Some(c.clone())
                    } else {
                        frame.owner.take()
                    };
                    frame.owner = None;
                    if let Some(o) = owner {
                        o.running.set(false);
                        *o.frame.borrow_mut() = Some(Box::new(frame));
                    }
                }
                Ok(Ok(v))
            }
            Ok(Outcome::Return(v)) => {
                c.running.set(false);
                Ok(Err(v))
            }
            Ok(Outcome::OutOfBudget) => Err(PyErr::runtime_error(
                "internal error: generator out of budget",
            )),
            Err(e) => {
                c.running.set(false);
                if e.matches("StopIteration") {
                    let what = if c.is_coroutine {
                        "coroutine"
                    } else {
                        "generator"
                    };
                    return Err(PyErr::runtime_error(format!("{what} raised StopIteration")));
                }
                Err(e)
            }
        }
    }
}
