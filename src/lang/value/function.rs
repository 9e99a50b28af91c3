//! Callables: built-in functions, bound methods, user functions and coroutine objects
//! (CPython `Objects/methodobject.c`, `classobject.c`, `funcobject.c`, `genobject.c`).

use std::cell::RefCell;
use std::rc::Rc;

use super::{PyErr, PyResult, PyStr, Value};
use crate::lang::vm::Vm;

/// The Rust signature of every built-in function and method; a method's receiver is
/// `args.pos[0]`.
pub type BuiltinFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// A built-in function or an unbound method of a built-in type.
pub struct Builtin {
    pub name: &'static str,
    pub func: BuiltinFn,
    /// The type that defines it, for reprs (`<method 'append' of 'list' objects>`).
    pub owner: Option<&'static str>,
}

/// A function bound to a receiver (`obj.method`).
pub struct BoundMethod {
    pub receiver: Value,
    pub func: Value,
}

/// A user-defined function: a code object plus what the `def` statement evaluated.
pub struct Function {
    pub code: Rc<crate::lang::compiler::Code>,
    pub globals: Rc<RefCell<super::PyDict>>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Rc<PyStr>, Value)>,
    pub closure: Vec<Rc<RefCell<Option<Value>>>>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub dict: RefCell<super::PyDict>,
    pub serial: u64,
}

/// A generator or coroutine object. Invariant: `frame` is `Some` exactly while the object
/// is created-or-suspended; while it runs its frame lives on an execution stack of the VM
/// (so `await` chains suspend without Rust recursion), and after it finishes it is `None`.
pub struct Coroutine {
    /// Its code object: the file and the line its code starts on (`co_firstlineno`), read
    /// through `frame_file()`/`def_line()` (one word instead of three in every coroutine).
    pub code: Rc<crate::lang::compiler::Code>,
    /// The line it is suspended at, or (with `LINE_IS_PC` set) the instruction its frame
    /// is calling from while it runs, turned into a line only when read (`line()`): the
    /// eval loop records each call's place without a line-table lookup per call.
    pub line: std::cell::Cell<u32>,
    pub is_coroutine: bool,
    /// An async generator (`async def` with `yield`): iterated with `async for`.
    pub is_async_gen: bool,
    pub serial: Serial,
    pub frame: RefCell<Option<Box<crate::lang::vm::frame::Frame>>>,
    pub running: std::cell::Cell<bool>,
    pub started: std::cell::Cell<bool>,
    /// Async generators: what the next `await` on the object does (`asend(v)`,
    /// `athrow(e)`, `aclose()`); `None`: `__anext__()`, i.e. send None.
    /// (Boxed: set only around `asend`/`athrow`/`aclose`, so every coroutine is smaller.)
    /// (A `Cell`: taken and put back, never borrowed, so a word smaller than a `RefCell`.)
    pub agen_op: std::cell::Cell<Option<Box<AgenOp>>>,
    /// Async generators: running for `aclose()` (a yield is a RuntimeError; GeneratorExit
    /// or StopAsyncIteration out of it, or a return, make the `await` give None).
    pub closing: std::cell::Cell<bool>,
    /// Async generators first iterated inside a running loop (asyncio's `firstiter` hook):
    /// if dropped while suspended, the loop closes them (`_asyncgen_finalizer_hook`).
    pub hooked: std::cell::Cell<bool>,
}

/// A coroutine's serial number (`next_serial`) as two 4-aligned halves: with no 8-byte
/// field, a coroutine is 4-aligned on wasm32 and its allocation 8 bytes smaller (100,000
/// sleeping tasks hold one each, docs/performance.md).
#[derive(Clone, Copy, Debug)]
pub struct Serial([u32; 2]);

impl Serial {
    pub fn new(v: u64) -> Serial {
        Serial([v as u32, (v >> 32) as u32])
    }

    pub fn get(self) -> u64 {
        u64::from(self.0[0]) | (u64::from(self.0[1]) << 32)
    }
}

/// The operation an awaitable from `asend`/`athrow`/`aclose` applies to its generator.
pub enum AgenOp {
    Send(Value),
    Throw(PyErr),
}

/// In `Coroutine::line`: the value is a `pc` in the coroutine's code, not a line.
pub const LINE_IS_PC: u32 = 1 << 31;

impl Coroutine {
    /// The 1-based line it is at: suspended, or running (its frame's current call).
    pub fn line(&self) -> u32 {
        let v = self.line.get();
        if v & LINE_IS_PC != 0 {
            self.code.line_of((v & !LINE_IS_PC) as usize)
        } else {
            v
        }
    }

    /// `__qualname__`: its function's, which is its code object's (one word less in every
    /// coroutine; 100,000 sleeping tasks, docs/performance.md).
    pub fn qualname(&self) -> &Rc<str> {
        &self.code.qualname
    }

    /// Is an `asend`/`athrow`/`aclose` operation waiting for the next `await`?
    pub fn has_agen_op(&self) -> bool {
        let op = self.agen_op.take();
        let has = op.is_some();
        self.agen_op.set(op);
        has
    }

    /// The file its code is in.
    pub fn frame_file(&self) -> Rc<str> {
        self.code.source.filename.clone()
    }

    /// The line its code starts on (`co_firstlineno`).
    pub fn def_line(&self) -> u32 {
        self.code.first_line
    }

    /// A fresh coroutine object sharing this one's identity fields (not its state).
    fn sibling(&self, frame: Option<Box<crate::lang::vm::frame::Frame>>) -> Coroutine {
        Coroutine {
            code: self.code.clone(),
            line: std::cell::Cell::new(self.line.get()),
            is_coroutine: self.is_coroutine,
            is_async_gen: self.is_async_gen,
            serial: self.serial,
            frame: RefCell::new(frame),
            running: std::cell::Cell::new(false),
            started: std::cell::Cell::new(self.started.get()),
            agen_op: std::cell::Cell::new(None),
            closing: std::cell::Cell::new(false),
            hooked: std::cell::Cell::new(false),
        }
    }
}

/// Positional and keyword arguments of a call.
#[derive(Default, Clone)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Rc<PyStr>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }
    /// Removes and returns keyword `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| k.as_str() == name)?;
        Some(self.kw.remove(i).1)
    }
    /// Fails on leftover keywords: `f() got an unexpected keyword argument 'x'`
    /// (or `f() takes no keyword arguments` when `none_allowed`).
    pub fn no_more_kw(&self, fname: &str) -> PyResult<()> {
        match self.kw.first() {
            None => Ok(()),
            Some((k, _)) => Err(PyErr::type_error(format!(
                "{fname}() got an unexpected keyword argument '{}'",
                k.as_str()
            ))),
        }
    }
    /// Checks the positional count against `min..=max` with CPython's messages.
    pub fn check(&self, fname: &str, min: usize, max: usize) -> PyResult<()> {
        let n = self.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let msg = if min == max {
            match min {
                0 => format!("{fname}() takes no arguments ({n} given)"),
                1 => format!("{fname}() takes exactly one argument ({n} given)"),
                _ => format!("{fname} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        Err(PyErr::type_error(msg))
    }
    /// A method's checks: `self` plus `min..=max` arguments, no keywords.
    pub fn method(&self, fname: &str, min: usize, max: usize) -> PyResult<()> {
        if !self.kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{fname}() takes no keyword arguments"
            )));
        }
        let n = self.pos.len().saturating_sub(1);
        if n >= min && n <= max {
            return Ok(());
        }
        let msg = if min == max {
            match min {
                0 => format!("{fname}() takes no arguments ({n} given)"),
                1 => format!("{fname}() takes exactly one argument ({n} given)"),
                _ => format!("{fname} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        Err(PyErr::type_error(msg))
    }
    /// Positional argument `i`, if given.
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.pos.get(i)
    }
}

thread_local! {
    /// Coroutines dropped without ever running (`RuntimeWarning: coroutine ... was never
    /// awaited`); the eval loop reports them where the drop happened.
    static UNAWAITED: RefCell<Vec<Rc<str>>> = const { RefCell::new(Vec::new()) };
    /// Async generators dropped while suspended in a loop, waiting to be closed.
    static FINALIZE: RefCell<Vec<Rc<Coroutine>>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Coroutine {
    fn drop(&mut self) {
        if self.is_coroutine && !self.started.get() {
            note_unawaited(self.qualname().clone());
        }
        // An async generator dropped while suspended inside a loop: its frame moves to a
        // new object that the loop closes (`_asyncgen_finalizer_hook` schedules `aclose()`).
        if self.is_async_gen && self.hooked.get() && self.started.get() {
            if let Some(frame) = self.frame.get_mut().take() {
                let revived = Rc::new(self.sibling(Some(frame)));
                let _ = FINALIZE.try_with(|q| q.borrow_mut().push(revived));
            }
        }
    }
}

/// Takes the async generators dropped while suspended since the last call (the host
/// schedules their `aclose()` on the running loop).
pub fn take_finalized() -> Vec<Rc<Coroutine>> {
    FINALIZE
        .try_with(|q| {
            if q.borrow().is_empty() {
                Vec::new()
            } else {
                std::mem::take(&mut *q.borrow_mut())
            }
        })
        .unwrap_or_default()
}

/// Records a library coroutine dropped without being awaited.
pub fn note_unawaited(name: Rc<str>) {
    let _ = UNAWAITED.try_with(|u| u.borrow_mut().push(name));
}

/// Takes the names of coroutines dropped unawaited since the last call.
pub fn take_unawaited() -> Vec<Rc<str>> {
    UNAWAITED.with(|u| {
        if u.borrow().is_empty() {
            Vec::new()
        } else {
            std::mem::take(&mut *u.borrow_mut())
        }
    })
}
