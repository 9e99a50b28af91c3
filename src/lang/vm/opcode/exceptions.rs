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
                    return Err(cm_protocol_error(&ctx, &cls, false));
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
            Op::GetAIter => {
                let obj = f.stack.pop().ok_or_else(stack_underflow)?;
                if self.type_of(&obj).lookup("__aiter__").is_none() {
                    return Err(PyErr::type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {}",
                        obj.type_name()
                    )));
                }
                let it = self.call_method(&obj, "__aiter__", vec![])?;
                f.stack.push(it);
            }
            Op::GetANext => {
                let it = f.stack.last().cloned().ok_or_else(stack_underflow)?;
                if self.type_of(&it).lookup("__anext__").is_none() {
                    return Err(PyErr::type_error(format!(
                        "'async for' received an invalid object from __aiter__: {}",
                        it.type_name()
                    )));
                }
                let aw = self.call_method(&it, "__anext__", vec![])?;
                f.stack.push(aw);
            }
            Op::EndAsyncFor => {
                let exc = f.stack.pop().ok_or_else(stack_underflow)?;
                f.stack.pop().ok_or_else(stack_underflow)?;
                let err = as_err(exc);
                if !err.matches("StopAsyncIteration") {
                    return Ok(Flow::Reraise(err));
                }
            }
            Op::StarPrep => {
                let e = f.stack.last().cloned().ok_or_else(stack_underflow)?;
                f.stack.push(e);
                f.stack.push(Value::list(Vec::new()));
            }
            Op::StarMatch => {
                let t = f.stack.pop().ok_or_else(stack_underflow)?;
                let raised = f.stack.pop().ok_or_else(stack_underflow)?;
                let rest = f.stack.pop().ok_or_else(stack_underflow)?;
                let (m, r) = self.star_split(&rest, &t)?;
                // In the clause's body the match is the exception being handled (a bare
                // `raise` re-raises it; it is the context of new exceptions).
                if !m.is_none() {
                    f.handled.push(m.clone());
                }
                f.stack.push(r);
                f.stack.push(raised);
                f.stack.push(m);
            }
            Op::StarClauseEnd => {
                f.handled.pop();
            }
            Op::StarCollect => {
                f.handled.pop();
                let e = f.stack.pop().ok_or_else(stack_underflow)?;
                if let Some(Value::List(l)) = f.stack.last() {
                    l.items.borrow_mut().push(e);
                }
            }
            Op::StarReraise => {
                let raised = f.stack.pop().ok_or_else(stack_underflow)?;
                let rest = f.stack.pop().ok_or_else(stack_underflow)?;
                let orig = f.stack.last().cloned().ok_or_else(stack_underflow)?;
                let raised = match &raised {
                    Value::List(l) => l.snapshot(),
                    _ => Vec::new(),
                };
                if raised.is_empty() && rest.is_none() {
                    return Ok(Flow::Next);
                }
                f.handled.pop();
                // CPython `_PyExc_PrepReraiseStar`: a naked exception was caught (wrapped):
                // one clause ran, so there is one exception to raise.
                let is_group = |v: &Value| matches!(v, Value::Instance(i) if i.exc.as_ref().is_some_and(|x| x.borrow().group.is_some()));
                if !is_group(&orig) {
                    let e = raised.into_iter().next().unwrap_or(rest);
                    return Ok(Flow::Reraise(as_err(e)));
                }
                // Re-raised parts of the original (and the unhandled rest) are projected
                // back onto the original group's structure; new exceptions join it.
                let (reraised, new): (Vec<Value>, Vec<Value>) = raised
                    .into_iter()
                    .chain((!rest.is_none()).then_some(rest))
                    .partition(|e| self.is_part_of(e, &orig));
                let kept = self.project(&orig, &reraised)?;
                if new.is_empty() {
                    return match kept {
                        // a projection carries the original's traceback (split copies it)
                        // and is re-raised without an entry for this frame
                        Some(e) => Ok(Flow::Reraise(as_err(e))),
                        None => Ok(Flow::Next),
                    };
                }
                let mut members = new;
                members.extend(kept);
                if members.len() == 1
                    && !matches!(&members[0], Value::Instance(i) if i.exc.as_ref().is_some_and(|x| x.borrow().group.is_none()))
                {
                    return Ok(Flow::Reraise(as_err(members.remove(0))));
                }
                let base = types::exception("BaseExceptionGroup");
                let g = crate::lang::value::exception::new_group(
                    self,
                    &base,
                    Args::new(vec![Value::str(""), Value::list(members)]),
                )?;
                // RERAISE: the new group gets no traceback entry for this frame
                return Ok(Flow::Reraise(as_err(g)));
            }
            Op::BeforeAsyncWith => {
                let ctx = f.stack.pop().ok_or_else(stack_underflow)?;
                let cls = self.type_of(&ctx);
                if cls.lookup("__aenter__").is_none() || cls.lookup("__aexit__").is_none() {
                    return Err(cm_protocol_error(&ctx, &cls, true));
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

impl Vm {
    /// `(match, rest)` of an `except*` clause (`exception_group_match`).
    fn star_split(&mut self, rest: &Value, t: &Value) -> PyResult<(Value, Value)> {
        if rest.is_none() {
            return Ok((Value::None, Value::None));
        }
        check_catchable(t)?;
        let is_group = matches!(rest, Value::Instance(i) if i.exc.as_ref().is_some_and(|x| x.borrow().group.is_some()));
        if !is_group {
            if crate::lang::builtins::functions::isinstance_of(self, rest, t)? {
                let base = types::exception("BaseExceptionGroup");
                let g = crate::lang::value::exception::new_group(
                    self,
                    &base,
                    Args::new(vec![Value::str(""), Value::tuple(vec![rest.clone()])]),
                )?;
                return Ok((g, Value::None));
            }
            return Ok((Value::None, rest.clone()));
        }
        if crate::lang::builtins::functions::isinstance_of(self, rest, t)? {
            return Ok((rest.clone(), Value::None));
        }
        let pair = self.call_method(rest, "split", vec![t.clone()])?;
        match pair {
            Value::Tuple(p) if p.len() == 2 => Ok((p[0].clone(), p[1].clone())),
            _ => Ok((Value::None, rest.clone())),
        }
    }

    /// CPython `exception_group_projection`: the part of group `orig` whose leaves are
    /// leaves of `keep` (`orig` itself when all of them are).
    fn project(&mut self, orig: &Value, keep: &[Value]) -> PyResult<Option<Value>> {
        let mut leaves = Vec::new();
        for k in keep {
            collect_leaves(k, &mut leaves);
        }
        let mut all = Vec::new();
        collect_leaves(orig, &mut all);
        if all.iter().all(|l| leaves.iter().any(|k| k.is(l))) {
            return Ok(Some(orig.clone()));
        }
        let (m, _) = crate::lang::builtins::objects::split_by(self, orig, &mut |_, e| {
            Ok(!is_group_value(e) && leaves.iter().any(|k| k.is(e)))
        })?;
        Ok(m)
    }

    /// Whether exception `e` is `orig` or one of its (nested) members.
    fn is_part_of(&self, e: &Value, orig: &Value) -> bool {
        if e.is(orig) {
            return true;
        }
        if let Value::Instance(i) = orig {
            if let Some(x) = &i.exc {
                if let Some((_, members)) = &x.borrow().group {
                    return members.iter().any(|m| self.is_part_of(e, m));
                }
            }
        }
        // A derived group (from `split`) re-raised: all its leaves are parts of `orig`.
        if let Value::Instance(i) = e {
            if let Some(x) = &i.exc {
                if let Some((_, members)) = &x.borrow().group {
                    return !members.is_empty() && members.iter().all(|m| self.is_part_of(m, orig));
                }
            }
        }
        false
    }
}

fn is_group_value(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.exc.as_ref().is_some_and(|x| x.borrow().group.is_some()))
}

/// The non-group exceptions nested in `v` (or `v` itself).
fn collect_leaves(v: &Value, out: &mut Vec<Value>) {
    if let Value::Instance(i) = v {
        if let Some(x) = &i.exc {
            if let Some((_, members)) = &x.borrow().group {
                for m in members {
                    collect_leaves(m, out);
                }
                return;
            }
        }
    }
    out.push(v.clone());
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

/// CPython 3.14's TypeError for `with`/`async with` on an object lacking the protocol:
/// the type's qualified name (`'asyncio.locks.Lock'`, `'f.<locals>.C'`), the method missed
/// (`__exit__` is looked up first, as CPython does), and a hint when the other protocol is
/// there.
fn cm_protocol_error(ctx: &Value, cls: &crate::lang::value::Class, is_async: bool) -> PyErr {
    let name = match ctx {
        Value::Rt(h) => {
            let t = h.type_name();
            let module = match t {
                "Queue" => "asyncio.queues.",
                "Task" | "Future" => "_asyncio.",
                "TaskGroup" => "asyncio.taskgroups.",
                "Timeout" => "asyncio.timeouts.",
                "Lock" | "Event" | "Semaphore" | "BoundedSemaphore" | "Condition" | "Barrier" => {
                    "asyncio.locks."
                }
                _ => "",
            };
            format!("{module}{t}")
        }
        Value::Instance(_) if !cls.builtin => cls.qualname.to_string(),
        _ => ctx.type_name().to_string(),
    };
    let (enter, exit, kind, other, other_kw) = if is_async {
        (
            "__aenter__",
            "__aexit__",
            "asynchronous context manager",
            "__enter__",
            "with",
        )
    } else {
        (
            "__enter__",
            "__exit__",
            "context manager",
            "__aenter__",
            "async with",
        )
    };
    let missed = if cls.lookup(exit).is_none() {
        exit
    } else {
        enter
    };
    let other_exit = if is_async { "__exit__" } else { "__aexit__" };
    let hint = if cls.lookup(other).is_some() && cls.lookup(other_exit).is_some() {
        let other_kind = if is_async {
            "context manager"
        } else {
            "asynchronous context manager"
        };
        format!(" but it supports the {other_kind} protocol. Did you mean to use '{other_kw}'?")
    } else {
        String::new()
    };
    PyErr::type_error(format!(
        "'{name}' object does not support the {kind} protocol (missed {missed} method){hint}"
    ))
}
