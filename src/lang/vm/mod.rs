//! The virtual machine: calling convention, the abstract object protocol (`protocol.rs`,
//! CPython `Objects/abstract.c` and `object.c`) and operators (`ops.rs`).
//!
//! Invariants: no `RefCell` borrow of a user-visible object is held across a call into
//! user code (`Vm::call`), so re-entrant user code can never hit a borrow panic; native
//! recursion (repr of nested containers, callbacks from builtins) is bounded by
//! `recursion_limit` and fails with `RecursionError`.

pub mod items;
pub mod ops;
pub mod protocol;

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::builtins::types;
use crate::lang::value::{Args, Class, Instance, PyDict, PyErr, PyResult, TypeKind, Value};

/// Where console text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// One interpreter: the builtins namespace, the console, and recursion accounting.
pub struct Vm {
    pub builtins: Rc<RefCell<PyDict>>,
    /// Console output in order; adjacent writes to one stream are merged.
    pub console: Vec<(Stream, String)>,
    /// Current native + Python call depth.
    pub depth: usize,
    /// Depth at which `RecursionError` is raised (CPython's default is 1000).
    pub recursion_limit: usize,
    /// Ids of containers whose repr is in progress (`Py_ReprEnter`).
    pub(crate) repr_active: Vec<i64>,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Vm {
    pub fn new() -> Vm {
        crate::lang::value::reset_serials();
        let builtins = Rc::new(RefCell::new(crate::lang::builtins::namespace()));
        Vm {
            builtins,
            console: Vec::new(),
            depth: 0,
            recursion_limit: 1000,
            repr_active: Vec::new(),
        }
    }

    /// Appends console text.
    pub fn write(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.console.last_mut() {
            Some((s, buf)) if *s == stream => buf.push_str(text),
            _ => self.console.push((stream, text.to_string())),
        }
    }

    /// Everything written to one stream so far.
    pub fn output(&self, stream: Stream) -> String {
        self.console
            .iter()
            .filter(|(s, _)| *s == stream)
            .map(|(_, t)| t.as_str())
            .collect()
    }

    /// Enters one level of native recursion.
    pub fn enter(&mut self) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(PyErr::with_msg(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        self.depth += 1;
        Ok(())
    }
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Calls any callable (`PyObject_Call`).
    pub fn call(&mut self, f: &Value, args: Args) -> PyResult<Value> {
        match f {
            Value::Builtin(b) => (b.func)(self, args),
            Value::BoundMethod(m) => {
                let mut args = args;
                args.pos.insert(0, m.receiver.clone());
                let func = m.func.clone();
                self.call(&func, args)
            }
            Value::Class(c) => self.construct(c, args),
            Value::Function(_) => self.call_function(f, args),
            Value::Descriptor(d) => match &**d {
                crate::lang::value::Descriptor::StaticMethod(inner) => {
                    let inner = inner.clone();
                    self.call(&inner, args)
                }
                _ => Err(PyErr::type_error(format!(
                    "'{}' object is not callable",
                    f.type_name()
                ))),
            },
            Value::Instance(i) => match i.class.lookup("__call__") {
                Some(c) => {
                    let mut args = args;
                    args.pos.insert(0, f.clone());
                    self.enter()?;
                    let r = self.call(&c, args);
                    self.leave();
                    r
                }
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not callable",
                    f.type_name()
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not callable",
                f.type_name()
            ))),
        }
    }

    pub fn call0(&mut self, f: &Value) -> PyResult<Value> {
        self.call(f, Args::default())
    }
    pub fn call1(&mut self, f: &Value, a: Value) -> PyResult<Value> {
        self.call(f, Args::new(vec![a]))
    }

    /// Runs a user function. The eval loop is installed by `vm::eval` (phase 2).
    fn call_function(&mut self, f: &Value, args: Args) -> PyResult<Value> {
        let _ = args;
        Err(PyErr::not_implemented(format!(
            "calling {} needs the bytecode VM",
            self.repr(f)?
        )))
    }

    /// Calls the class: built-in constructors, exceptions, or `__new__` + `__init__`
    /// (`type_call`).
    pub fn construct(&mut self, cls: &Rc<Class>, args: Args) -> PyResult<Value> {
        if cls.builtin && cls.kind != TypeKind::Exception && cls.kind != TypeKind::Object {
            return crate::lang::builtins::constructors::construct(self, cls, args);
        }
        if cls.kind == TypeKind::Exception
            && cls.is_subclass(&types::exception("BaseExceptionGroup"))
        {
            return crate::lang::value::exception::new_group(self, cls, args);
        }
        let inst = Instance::new(cls.clone());
        let value = Value::Instance(inst.clone());
        if let Some(exc) = &inst.exc {
            exc.borrow_mut().args = args.pos.clone();
        }
        match cls.lookup_with_owner("__init__") {
            Some((init, owner)) if !owner.builtin => {
                let mut a = args;
                a.pos.insert(0, value.clone());
                let r = self.call(&init, a)?;
                if !r.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    )));
                }
            }
            _ => {
                if cls.kind == TypeKind::Exception {
                    if !args.kw.is_empty() {
                        return Err(PyErr::type_error(format!(
                            "{}() takes no keyword arguments",
                            cls.name
                        )));
                    }
                } else if !args.pos.is_empty() || !args.kw.is_empty() {
                    return Err(PyErr::type_error(format!(
                        "{}() takes no arguments",
                        cls.name
                    )));
                }
            }
        }
        Ok(value)
    }

    /// The class of a value (`type(v)`).
    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        types::type_of(v)
    }
}
