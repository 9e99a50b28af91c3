//! The evaluation loop (CPython `Python/ceval.c` `_PyEval_EvalFrameDefault`). Calls between
//! Python functions push frames on an `Exec` instead of recursing in Rust, so a coroutine's
//! whole `await` chain can suspend and resume (see `Outcome`).

use std::rc::Rc;

use super::fast_path::{run_hot, Room};
use super::frame::{Block, Frame};
use super::ops::{BinOp, UnaryOp};
use super::protocol::CmpOp;
use super::Vm;
use crate::lang::compiler::Op;
use crate::lang::value::function::Coroutine;
use crate::lang::value::{PyErr, PyResult, Value};

/// A stack of frames run by one loop: a task's coroutine chain, a generator being
/// resumed, or a call made from Rust. Invariant: only the last frame is executing; each
/// other frame is waiting at a call or at `YieldFrom` for the frame above it.
#[derive(Default)]
pub struct Exec {
    pub frames: Vec<Frame>,
}

/// How `run` left the execution stack.
pub enum Outcome {
    /// The bottom frame returned.
    Return(Value),
    /// The top frame yielded (a generator's value, or an awaited runtime object); resume
    /// with `Resume::Send` or `Resume::Throw`.
    Yield(Value),
    /// The slice's instruction budget ran out; resume with `Resume::Continue`.
    OutOfBudget,
}

/// How to (re)enter `run`.
pub enum Resume {
    /// Continue where it stopped (a new frame, or after `OutOfBudget`).
    Continue,
    /// The value of the pending `yield`/`await`.
    Send(Value),
    /// Raise this at the pending `yield`/`await`.
    Throw(PyErr),
    /// A runtime object the top frame awaited (left as `[sub]` by `YieldFrom`) finished:
    /// replace it by its result, or raise its exception there.
    Delegated(PyResult<Value>),
}

/// What one instruction asks the loop to do next.
pub(crate) enum Flow {
    Next,
    Return(Value),
    Yield(Value),
    Push(Box<Frame>),
    /// A value for the caller to push (a call that finished without a new frame).
    Push2(Value),
    /// An async generator's `yield`: its frame goes back to its object and the value is
    /// the result of the `await` on `__anext__()` in the frame below.
    AsyncGenYield(Value),
    /// An error to raise without adding a traceback entry (re-raise).
    Reraise(PyErr),
    /// Run this frame, raising the exception at its pending `yield` (`athrow`, `aclose`).
    PushThrow(Box<Frame>, PyErr),
    /// `aclose()` of an async generator that was not running: the `await` gives None.
    AgenClosed,
}

pub(crate) fn binop_from(n: u8) -> BinOp {
    use BinOp::*;
    [
        Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
    ]
    .get(n as usize)
    .copied()
    .unwrap_or(Add)
}

pub(crate) fn cmpop_from(n: u8) -> CmpOp {
    use CmpOp::*;
    [Lt, Le, Eq, Ne, Gt, Ge]
        .get(n as usize)
        .copied()
        .unwrap_or(Eq)
}

impl Vm {
    /// Runs `ex` until its bottom frame returns, a frame yields, or the budget runs out.
    /// `budget` counts instructions for this slice (`None`: unlimited).
    pub fn run(
        &mut self,
        ex: &mut Exec,
        resume: Resume,
        mut budget: Option<&mut u64>,
    ) -> PyResult<Outcome> {
        let mut pending: Option<(PyErr, bool)> = None;
        match resume {
            Resume::Continue => {}
            Resume::Send(v) => {
                if let Some(f) = ex.frames.last_mut() {
                    f.stack.push(v);
                }
            }
            Resume::Throw(e) => pending = Some((e, false)),
            Resume::Delegated(Ok(v)) => {
                if let Some(f) = ex.frames.last_mut() {
                    f.stack.pop();
                    f.stack.push(v);
                }
            }
            Resume::Delegated(Err(e)) => pending = Some((e, false)),
        }
        loop {
            if let Some((err, reraise)) = pending.take() {
                self.unwind(ex, err, reraise)?;
            }
            let Some(frame) = ex.frames.last_mut() else {
                return Ok(Outcome::Return(Value::None));
            };
            // A batch of hot ops (`fast_path.rs`), counted as the general path below counts
            // each instruction: it stops before the next limit check and within the budget.
            let room = Room {
                ops: budget
                    .as_deref()
                    .map_or(u64::MAX, |b| *b)
                    .min(0x3ff - (self.steps & 0x3ff)),
                ticks: 0x3ff - (self.ticks & 0x3ff),
            };
            let ran = run_hot(frame, room);
            if ran.ops > 0 {
                self.steps += ran.ops;
                if let Some(b) = budget.as_deref_mut() {
                    *b -= ran.ops;
                }
                self.ticks += ran.ticks;
                if self.native_depth == 0 {
                    // A batch of pausable instructions (the next one resets it again).
                    self.unpausable_from = self.work();
                }
            }
            if let Some(b) = budget.as_deref_mut() {
                if *b == 0 {
                    return Ok(Outcome::OutOfBudget);
                }
                *b -= 1;
            }
            self.steps += 1;
            if self.native_depth == 0 {
                // A pausable instruction: an unpausable stretch can only start from here.
                self.unpausable_from = self.work();
            }
            if self.steps & 0x3ff == 0 {
                self.check_limits()?;
            }
            let Some(&op) = frame.code.ops.get(frame.pc) else {
                return Err(PyErr::runtime_error(
                    "internal error: ran past the end of the code (please report)",
                ));
            };
            frame.pc += 1;
            match self.step(frame, op) {
                Ok(Flow::Next) => {}
                Ok(Flow::Push(f)) => {
                    if self.depth >= self.limits.recursion {
                        pending = Some((
                            PyErr::with_msg("RecursionError", "maximum recursion depth exceeded"),
                            false,
                        ));
                        continue;
                    }
                    self.depth += 1;
                    ex.frames.push(*f);
                }
                Ok(Flow::PushThrow(f, e)) => {
                    self.depth += 1;
                    ex.frames.push(*f);
                    pending = Some((e, false));
                }
                Ok(Flow::AgenClosed) => {
                    if let Some(f) = ex.frames.last_mut() {
                        f.stack.pop();
                        f.stack.push(Value::None);
                    }
                }
                Ok(Flow::Return(v)) => {
                    let done = ex.frames.pop();
                    self.depth = self.depth.saturating_sub(1);
                    if let Some(owner) = done.and_then(|f| f.owner) {
                        owner.running.set(false);
                        if owner.closing.replace(false) {
                            // `aclose()` finished: the generator returned.
                            match ex.frames.last_mut() {
                                None => return Ok(Outcome::Return(Value::None)),
                                Some(parent) => {
                                    parent.stack.pop();
                                    parent.stack.push(Value::None);
                                    continue;
                                }
                            }
                        }
                        if owner.is_async_gen && !ex.frames.is_empty() {
                            // The generator ended: `__anext__()` raises StopAsyncIteration.
                            pending = Some((
                                PyErr::new(
                                    &crate::lang::builtins::types::exception("StopAsyncIteration"),
                                    vec![],
                                ),
                                false,
                            ));
                            continue;
                        }
                    }
                    match ex.frames.last_mut() {
                        None => return Ok(Outcome::Return(v)),
                        Some(parent) => {
                            // A delegated coroutine returned: its object is TOS of the
                            // parent (`[sub]` of `YieldFrom`); replace it by the result.
                            if matches!(
                                parent.code.ops.get(parent.pc.wrapping_sub(1)),
                                Some(Op::YieldFrom)
                            ) {
                                parent.stack.pop();
                            }
                            parent.stack.push(v);
                        }
                    }
                }
                Ok(Flow::Yield(v)) => return Ok(Outcome::Yield(v)),
                Ok(Flow::AsyncGenYield(v)) => {
                    let mut ignored_exit = false;
                    if let Some(mut gen_frame) = ex.frames.pop() {
                        self.depth = self.depth.saturating_sub(1);
                        if let Some(owner) = gen_frame.owner.take() {
                            owner.running.set(false);
                            ignored_exit = owner.closing.replace(false);
                            *owner.frame.borrow_mut() = Some(Box::new(gen_frame));
                        }
                    }
                    if ignored_exit {
                        let e = PyErr::runtime_error("async generator ignored GeneratorExit");
                        if ex.frames.is_empty() {
                            return Err(e);
                        }
                        pending = Some((e, false));
                        continue;
                    }
                    match ex.frames.last_mut() {
                        Some(parent) => {
                            parent.stack.pop();
                            parent.stack.push(v);
                        }
                        None => return Ok(Outcome::Yield(v)),
                    }
                }
                Ok(Flow::Push2(v)) => {
                    if let Some(f) = ex.frames.last_mut() {
                        f.stack.push(v);
                    }
                }
                Ok(Flow::Reraise(e)) => pending = Some((e, true)),
                Err(PyErr::Suspend) => return Ok(Outcome::Yield(Value::None)),
                Err(e) => pending = Some((e, false)),
            }
        }
    }

    /// Executes one instruction of `f`.
    fn step(&mut self, f: &mut Frame, op: Op) -> PyResult<Flow> {
        macro_rules! pop {
            () => {
                f.stack.pop().ok_or_else(stack_underflow)?
            };
        }
        macro_rules! top {
            () => {
                f.stack.last().cloned().ok_or_else(stack_underflow)?
            };
        }
        match op {
            Op::Nop => {}
            Op::LoadConst(i) => f.stack.push(
                f.code
                    .consts
                    .get(i as usize)
                    .cloned()
                    .unwrap_or(Value::None),
            ),
            Op::Pop => {
                let v = pop!();
                if let Value::Rt(crate::lang::modules::asyncio::RtHandle::Task(t)) = v {
                    self.note_discarded(f, t);
                }
                // Dropped here, so a coroutine nobody awaited is reported at this line.
                drop(v);
                let gone = crate::lang::value::function::take_unawaited();
                if !gone.is_empty() {
                    self.warn_unawaited(f, gone);
                }
            }
            Op::Dup => {
                let v = top!();
                f.stack.push(v);
            }
            Op::Dup2 => {
                let n = f.stack.len();
                if n < 2 {
                    return Err(stack_underflow());
                }
                let (a, b) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                f.stack.push(a);
                f.stack.push(b);
            }
            Op::Rot2 => {
                let n = f.stack.len();
                if n < 2 {
                    return Err(stack_underflow());
                }
                f.stack.swap(n - 1, n - 2);
            }
            Op::Rot3 => {
                let v = pop!();
                let n = f.stack.len();
                if n < 2 {
                    return Err(stack_underflow());
                }
                f.stack.insert(n - 2, v);
            }
            Op::LoadFast(i) | Op::StoreFast(i) | Op::DeleteFast(i) => {
                return self.op_fast(f, op, i as usize)
            }
            Op::LoadDeref(i) | Op::StoreDeref(i) | Op::DeleteDeref(i) | Op::LoadClassDeref(i) => {
                return self.op_deref(f, op, i as usize)
            }
            Op::LoadGlobal(i)
            | Op::StoreGlobal(i)
            | Op::DeleteGlobal(i)
            | Op::LoadName(i)
            | Op::StoreName(i)
            | Op::DeleteName(i) => return self.op_name(f, op, i as usize),
            Op::LoadAttr(i) => {
                let obj = pop!();
                let name = f.code.names[i as usize].clone();
                f.stack.push(self.getattr(&obj, name.as_str())?);
            }
            Op::StoreAttr(i) => {
                let obj = pop!();
                let v = pop!();
                let name = f.code.names[i as usize].clone();
                self.setattr(&obj, name.as_str(), v)?;
            }
            Op::DeleteAttr(i) => {
                let obj = pop!();
                let name = f.code.names[i as usize].clone();
                self.delattr(&obj, name.as_str())?;
            }
            Op::BinarySubscr => {
                let k = pop!();
                let o = pop!();
                f.stack.push(self.getitem(&o, &k)?);
            }
            Op::StoreSubscr => {
                let k = pop!();
                let o = pop!();
                let v = pop!();
                self.setitem(&o, &k, v)?;
            }
            Op::DeleteSubscr => {
                let k = pop!();
                let o = pop!();
                self.delitem(&o, &k)?;
            }
            Op::BinaryOp(n) => {
                let b = pop!();
                let a = pop!();
                let r = match (&a, &b, n) {
                    (Value::Int(x), Value::Int(y), 0) => match x.checked_add(*y) {
                        Some(r) => Value::Int(r),
                        None => self.binary_op(BinOp::Add, &a, &b)?,
                    },
                    (Value::Int(x), Value::Int(y), 1) => match x.checked_sub(*y) {
                        Some(r) => Value::Int(r),
                        None => self.binary_op(BinOp::Sub, &a, &b)?,
                    },
                    _ => self.binary_op(binop_from(n), &a, &b)?,
                };
                f.stack.push(r);
            }
            Op::InplaceOp(n) => {
                let b = pop!();
                let a = pop!();
                f.stack.push(self.inplace_op(binop_from(n), &a, &b)?);
            }
            Op::UnaryOp(n) => {
                let a = pop!();
                let op = match n {
                    0 => UnaryOp::Neg,
                    1 => UnaryOp::Pos,
                    2 => UnaryOp::Invert,
                    _ => UnaryOp::Not,
                };
                f.stack.push(self.unary_op(op, &a)?);
            }
            Op::Compare(n) => {
                let b = pop!();
                let a = pop!();
                let r = match (&a, &b) {
                    (Value::Int(x), Value::Int(y)) => Value::Bool(match cmpop_from(n) {
                        CmpOp::Lt => x < y,
                        CmpOp::Le => x <= y,
                        CmpOp::Eq => x == y,
                        CmpOp::Ne => x != y,
                        CmpOp::Gt => x > y,
                        CmpOp::Ge => x >= y,
                    }),
                    _ => self.compare(&a, &b, cmpop_from(n))?,
                };
                f.stack.push(r);
            }
            Op::IsOp(inv) => {
                let b = pop!();
                let a = pop!();
                f.stack.push(Value::Bool(a.is(&b) != (inv == 1)));
            }
            Op::ContainsOp(inv) => {
                let b = pop!();
                let a = pop!();
                f.stack
                    .push(Value::Bool(self.contains(&b, &a)? != (inv == 1)));
            }
            Op::Jump(t) => f.pc = t as usize,
            Op::PopJumpIfFalse(t) => {
                let v = pop!();
                if !self.truthy(&v)? {
                    f.pc = t as usize;
                }
            }
            Op::PopJumpIfTrue(t) => {
                let v = pop!();
                if self.truthy(&v)? {
                    f.pc = t as usize;
                }
            }
            Op::JumpIfFalseOrPop(t) => {
                let v = top!();
                if !self.truthy(&v)? {
                    f.pc = t as usize;
                } else {
                    f.stack.pop();
                }
            }
            Op::JumpIfTrueOrPop(t) => {
                let v = top!();
                if self.truthy(&v)? {
                    f.pc = t as usize;
                } else {
                    f.stack.pop();
                }
            }
            Op::GetIter => {
                let v = pop!();
                f.stack.push(self.iter(&v)?);
            }
            Op::ForIter(t) => {
                let it = top!();
                match self.next(&it)? {
                    Some(v) => f.stack.push(v),
                    None => {
                        f.stack.pop();
                        f.pc = t as usize;
                    }
                }
            }
            Op::ReturnValue => return Ok(Flow::Return(pop!())),
            Op::SetupFinally(t) => f.blocks.push(Block {
                handler: t,
                level: f.stack.len() as u32,
            }),
            Op::PopBlock => {
                f.blocks.pop();
            }
            _ => return self.step_more(f, op),
        }
        Ok(Flow::Next)
    }
}

impl Vm {
    /// `RuntimeWarning: coroutine 'f' was never awaited`, once per place (the warnings
    /// module's "default" action).
    fn warn_unawaited(&mut self, f: &Frame, names: Vec<Rc<str>>) {
        let line = f.line();
        let src = &f.code.source;
        for name in names {
            let key = format!("{}:{}:{}", src.filename, line, name);
            if self.warned.contains(&key) {
                continue;
            }
            self.warned.insert(key);
            let offset = super::facts::frame_offset(f);
            self.note_fact(
                super::facts::FactKind::NeverAwaited { coro: name.clone() },
                offset,
            );
            let text = src.lines.line_text(&src.text, line).trim().to_string();
            let msg = format!(
                "{}:{}: RuntimeWarning: coroutine '{}' was never awaited\n  {}\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
                src.filename, line, name, text
            );
            self.write(super::Stream::Stderr, &msg);
        }
    }
}

pub(crate) fn stack_underflow() -> PyErr {
    PyErr::runtime_error("internal error: value stack underflow (please report)")
}

/// Raises a pending exception value from the stack (`Value::Instance` of an exception).
pub(crate) fn as_err(v: Value) -> PyErr {
    match v {
        Value::Instance(i) if i.exc.is_some() => PyErr::Exception(i),
        _ => PyErr::type_error("exceptions must derive from BaseException"),
    }
}

/// Makes a coroutine or generator object for a frame that has not started.
pub(crate) fn new_generator(frame: Frame, is_coroutine: bool) -> Value {
    // `async def` with `yield` is an async generator, not a coroutine.
    let is_async_gen = is_coroutine && frame.code.is_generator;
    let is_coroutine = is_coroutine && !is_async_gen;
    Value::Coroutine(Rc::new(Coroutine {
        code: frame.code.clone(),
        line: std::cell::Cell::new(frame.code.first_line),
        is_coroutine,
        is_async_gen,
        serial: crate::lang::value::function::Serial::new(crate::lang::value::next_serial()),
        frame: std::cell::RefCell::new(Some(Box::new(frame))),
        running: std::cell::Cell::new(false),
        started: std::cell::Cell::new(false),
        agen_op: std::cell::Cell::new(None),
        closing: std::cell::Cell::new(false),
        hooked: std::cell::Cell::new(false),
    }))
}
