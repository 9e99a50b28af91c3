//! Raising and handling exceptions, `with` (CPython `RAISE_VARARGS`, `PUSH_EXC_INFO`,
//! `POP_EXCEPT`, `RERAISE`, `CHECK_EXC_MATCH`, `BEFORE_WITH`, `WITH_EXCEPT_START`).

use crate::lang::builtins::types;
use crate::lang::compiler::Op;
use crate::lang::value::{Args, PyErr, PyResult, TypeKind, Value};
use crate::lang::vm::eval::{as_err, stack_underflow, Flow};
use crate::lang::vm::frame::{Block, Frame};
use crate::lang::vm::Vm;

impl Vm {
    /// Turns the operand of `raise` into an exception instance (`do_raise`).
    fn exception_instance(&mut self, v: Value, what: &str) -> PyResult<Value> {
        match &v {
            Value::Class(c) if c.kind == TypeKind::Exception => {
                let inst = self.call(&v, Args::default())?;
                match &inst {
                    Value::Instance(i) if i.exc.is_some() => Ok(inst),
                    other => Err(PyErr::type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        self.repr(&v)?,
                        other.type_name()
                    ))),
                }
            }
            Value::Instance(i) if i.exc.is_some() => Ok(v),
            _ => Err(PyErr::type_error(format!(
                "{what} must derive from BaseException"
            ))),
        }
    }

    pub(crate) fn op_exception(&mut self, f: &mut Frame, op: Op) -> PyResult<Flow> {
        match op {
            Op::Raise(n) => {
                if n == 0 {
                    let current = f
                        .handled
                        .last()
                        .cloned()
                        .or_else(|| self.current_handled.clone());
                    return match current {
                        Some(e) => Ok(Flow::Reraise(as_err(e))),
                        None => Err(PyErr::runtime_error("No active exception to reraise")),
                    };
                }
                let cause = if n == 2 {
                    Some(f.stack.pop().ok_or_else(stack_underflow)?)
                } else {
                    None
                };
                let exc = f.stack.pop().ok_or_else(stack_underflow)?;
                let exc = self.exception_instance(exc, "exceptions")?;
                if let Some(c) = cause {
                    let c = match c {
                        Value::None => None,
                        other => Some(self.exception_instance(other, "exception causes")?),
                    };
                    if let Value::Instance(i) = &exc {
                        if let Some(e) = &i.exc {
                            let mut e = e.borrow_mut();
                            e.cause = c;
                            e.suppress_context = true;
                        }
                    }
                }
                // `raise` sets the context afresh (`_PyErr_SetObject`).
                if let (Value::Instance(i), Some(h)) = (&exc, f.handled.last()) {
                    if !exc.is(h) {
                        if let Some(e) = &i.exc {
                            e.borrow_mut().context = Some(h.clone());
                        }
                    }
                }
                return Err(as_err(exc));
            }
            Op::PushExcInfo => {
                let e = f.stack.last().cloned().ok_or_else(stack_underflow)?;
                f.handled.push(e);
            }
            Op::PopExcept => {
                f.stack.pop().ok_or_else(stack_underflow)?;
                f.handled.pop();
            }
            Op::Reraise => {
                let e = f.stack.pop().ok_or_else(stack_underflow)?;
                f.handled.pop();
                return Ok(Flow::Reraise(as_err(e)));
            }
            Op::PopExceptReraise => {
                let e = f.stack.pop().ok_or_else(stack_underflow)?;
                f.stack.pop().ok_or_else(stack_underflow)?;
                f.handled.pop();
                return Ok(Flow::Reraise(as_err(e)));
            }
            Op::CheckExcMatch => {
                let t = f.stack.pop().ok_or_else(stack_underflow)?;
                let e = f.stack.last().cloned().ok_or_else(stack_underflow)?;
                check_catchable(&t)?;
                let m = crate::lang::builtins::functions::isinstance_of(self, &e, &t)?;
                f.stack.push(Value::Bool(m));
            }
            Op::SetupWith(target) => {
                let ctx = f.stack.pop().ok_or_else(stack_underflow)?;
                let cls = self.type_of(&ctx);
                let (Some(enter), Some(_)) = (cls.lookup("__enter__"), cls.lookup("__exit__"))
                else {
                    let missing = if cls.lookup("__enter__").is_none() {
                        ""
                    } else {
                        " (missed __exit__ method)"
                    };
                    return Err(PyErr::type_error(format!(
                        "'{}' object does not support the context manager protocol{missing}",
                        ctx.type_name()
                    )));
                };
                let exit = self.getattr(&ctx, "__exit__")?;
                f.stack.push(exit);
                f.blocks.push(Block {
                    handler: target,
                    level: f.stack.len() as u32,
                });
                let r = self.call(&enter, Args::new(vec![ctx]))?;
                f.stack.push(r);
            }
            Op::BeforeAsyncWith => {
                let ctx = f.stack.pop().ok_or_else(stack_underflow)?;
                let cls = self.type_of(&ctx);
                if cls.lookup("__aenter__").is_none() || cls.lookup("__aexit__").is_none() {
                    let missing = if cls.lookup("__aenter__").is_none() {
                        ""
                    } else {
                        " (missed __aexit__ method)"
                    };
                    return Err(PyErr::type_error(format!(
                        "'{}' object does not support the asynchronous context manager protocol{missing}",
                        ctx.type_name()
                    )));
                }
                let exit = self.getattr(&ctx, "__aexit__")?;
                let enter = self.getattr(&ctx, "__aenter__")?;
                f.stack.push(exit);
                let r = self.call(&enter, Args::default())?;
                f.stack.push(r);
            }
            Op::SetupAsyncWith(target) => {
                let r = f.stack.pop().ok_or_else(stack_underflow)?;
                f.blocks.push(Block {
                    handler: target,
                    level: f.stack.len() as u32,
                });
                f.stack.push(r);
            }
            Op::CallExitAsync => {
                let exit = f.stack.pop().ok_or_else(stack_underflow)?;
                let r = self.call(
                    &exit,
                    Args::new(vec![Value::None, Value::None, Value::None]),
                )?;
                f.stack.push(r);
            }
            Op::CallExitNone => {
                let exit = f.stack.pop().ok_or_else(stack_underflow)?;
                self.call(
                    &exit,
                    Args::new(vec![Value::None, Value::None, Value::None]),
                )?;
            }
            Op::WithExceptStart => {
                let n = f.stack.len();
                if n < 2 {
                    return Err(stack_underflow());
                }
                let (exit, exc) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                let t = Value::Class(self.type_of(&exc));
                let r = self.call(&exit, Args::new(vec![t, exc, Value::None]))?;
                f.stack.push(r);
            }
            Op::LoadAssertionError => f
                .stack
                .push(Value::Class(types::exception("AssertionError"))),
            Op::Unsupported(i) => {
                let msg = match f.code.consts.get(i as usize) {
                    Some(Value::Str(s)) => s.as_str().to_string(),
                    _ => "unsupported construct".into(),
                };
                return Err(PyErr::not_implemented(msg));
            }
            _ => return Err(stack_underflow()),
        }
        Ok(Flow::Next)
    }
}

/// `except` accepts exception classes or tuples of them (`check_except_type_valid`).
fn check_catchable(t: &Value) -> PyResult<()> {
    let ok = |v: &Value| matches!(v, Value::Class(c) if c.kind == TypeKind::Exception);
    let valid = match t {
        Value::Tuple(items) => items.iter().all(ok),
        other => ok(other),
    };
    if valid {
        Ok(())
    } else {
        Err(PyErr::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ))
    }
}
