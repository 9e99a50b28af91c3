//! Exceptions as values: `PyErr` is what a failing operation returns; `ExcData` is the
//! state of a `BaseException` instance (CPython `Objects/exceptions.c`).

use std::rc::Rc;

use super::class::{Class, Instance};
use super::Value;
use crate::lang::builtins::types;

/// The error half of every fallible operation (RustPython's `PyResult`).
pub type PyResult<T> = Result<T, PyErr>;

/// Either a Python exception (catchable by `except`) or a limit/Stop, which no `except`
/// clause can catch (rhai's `is_catchable`): it unwinds straight out of the VM.
#[derive(Clone)]
pub enum PyErr {
    Exception(Rc<Instance>),
    Limit(Limit),
    /// Not an error: a builtin asks the eval loop to suspend the calling frame (see
    /// `vm::session`); the value the frame gets is sent in on resume.
    Suspend,
}

/// Uncatchable reasons to stop a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// The user pressed Stop.
    Stop,
    /// The memory budget was exhausted (reported as `MemoryError`).
    Memory,
    /// The total instruction budget of the run was exhausted.
    Instructions,
    /// One call that cannot pause (a builtin calling back into Python) ran too long.
    Unpausable,
    /// Too many live tasks.
    Tasks,
    /// Too much console output.
    Output,
}

/// One traceback line: where a frame was when the exception passed through it.
#[derive(Clone)]
pub struct TracebackEntry {
    pub filename: Rc<str>,
    pub function: Rc<str>,
    pub line: u32,
    /// Byte span of the instruction in the source.
    pub span: (u32, u32),
    /// Where the caret `^` part starts and ends inside `span` (binary operator, call
    /// parentheses); `~` marks the rest, as CPython 3.13+ draws it.
    pub anchor: Option<(u32, u32)>,
    pub source: Option<Rc<crate::lang::compiler::Source>>,
    /// A frame of CPython's own asyncio code, already rendered (see `modules::asyncio`).
    pub library: Option<&'static str>,
}

impl PyErr {
    /// Appends frames of CPython's library code (innermost first) to the traceback, so
    /// tracebacks read as CPython prints them.
    pub fn add_library_frames(&self, frames: &[&'static str]) {
        if let PyErr::Exception(e) = self {
            if let Some(x) = &e.exc {
                let mut x = x.borrow_mut();
                for f in frames {
                    x.traceback.push(TracebackEntry {
                        filename: Rc::from(""),
                        function: Rc::from(""),
                        line: 0,
                        span: (0, 0),
                        anchor: None,
                        source: None,
                        library: Some(f),
                    });
                }
            }
        }
    }
}

/// The state of a `BaseException` instance.
#[derive(Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    pub notes: Vec<Value>,
    /// Innermost frame last, as CPython prints them.
    pub traceback: Vec<TracebackEntry>,
    /// `BaseExceptionGroup`: the message and the sub-exceptions.
    pub group: Option<(Value, Vec<Value>)>,
    /// `StopIteration.value`.
    pub value: Option<Value>,
}

impl PyErr {
    /// A new exception of class `cls` with the given args.
    pub fn new(cls: &Rc<Class>, args: Vec<Value>) -> PyErr {
        let inst = Instance::new(cls.clone());
        if let Some(e) = &inst.exc {
            e.borrow_mut().args = args;
        }
        PyErr::Exception(inst)
    }

    /// A new exception of the built-in class named `name` with one message argument.
    pub fn with_msg(name: &str, msg: impl Into<String>) -> PyErr {
        let cls = types::exception(name);
        PyErr::new(&cls, vec![Value::string(msg.into())])
    }

    pub fn type_error(msg: impl Into<String>) -> PyErr {
        Self::with_msg("TypeError", msg)
    }
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        Self::with_msg("ValueError", msg)
    }
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        Self::with_msg("IndexError", msg)
    }
    pub fn attribute_error(msg: impl Into<String>) -> PyErr {
        Self::with_msg("AttributeError", msg)
    }
    pub fn name_error(msg: impl Into<String>) -> PyErr {
        Self::with_msg("NameError", msg)
    }
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        Self::with_msg("ZeroDivisionError", msg)
    }
    pub fn overflow(msg: impl Into<String>) -> PyErr {
        Self::with_msg("OverflowError", msg)
    }
    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        Self::with_msg("RuntimeError", msg)
    }
    pub fn not_implemented(msg: impl Into<String>) -> PyErr {
        Self::with_msg("NotImplementedError", msg)
    }
    /// `KeyError(key)`: the key itself is the argument (its str is the key's repr).
    pub fn key_error(key: Value) -> PyErr {
        PyErr::new(&types::exception("KeyError"), vec![key])
    }
    pub fn stop_iteration() -> PyErr {
        PyErr::new(&types::exception("StopIteration"), vec![])
    }

    /// The exception instance, if this is not a limit.
    pub fn exception(&self) -> Option<&Rc<Instance>> {
        match self {
            PyErr::Exception(e) => Some(e),
            _ => None,
        }
    }

    /// Whether this is an exception of class `name` or a subclass (false for limits).
    pub fn matches(&self, name: &str) -> bool {
        match self {
            PyErr::Exception(e) => e.class.is_subclass(&types::exception(name)),
            _ => false,
        }
    }

    pub fn to_value(&self) -> Value {
        match self {
            PyErr::Exception(e) => Value::Instance(e.clone()),
            _ => Value::None,
        }
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PyErr::Exception(e) => {
                let args = e.exc.as_ref().map(|x| x.borrow().args.len()).unwrap_or(0);
                write!(f, "{}(<{} args>)", e.class.name, args)
            }
            PyErr::Limit(l) => write!(f, "Limit({l:?})"),
            PyErr::Suspend => write!(f, "Suspend"),
        }
    }
}

/// The CPython class hierarchy of built-in exceptions, parents first
/// (`Lib/test/exception_hierarchy.txt`), plus asyncio's exceptions.
pub const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileNotFoundError", "OSError"),
    ("PermissionError", "OSError"),
    ("InterruptedError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("PythonFinalizationError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("UserWarning", "Warning"),
    // asyncio (Lib/asyncio/exceptions.py, queues.py); module "asyncio".
    ("CancelledError", "BaseException"),
    ("InvalidStateError", "Exception"),
    ("QueueEmpty", "Exception"),
    ("QueueFull", "Exception"),
    ("QueueShutDown", "Exception"),
    ("BrokenBarrierError", "RuntimeError"),
];

/// The names in `HIERARCHY` that live in the `asyncio` module rather than `builtins`.
pub const ASYNCIO_EXCEPTIONS: &[&str] = &[
    "CancelledError",
    "InvalidStateError",
    "QueueEmpty",
    "QueueFull",
    "QueueShutDown",
    "BrokenBarrierError",
];

/// Reads the attributes every exception has (`args`, `__cause__`, ...); `None` for others.
pub fn get_attr(exc: &std::cell::RefCell<ExcData>, name: &str) -> Option<Value> {
    let e = exc.borrow();
    Some(match name {
        "args" => Value::tuple(e.args.clone()),
        "__cause__" => e.cause.clone().unwrap_or(Value::None),
        "__context__" => e.context.clone().unwrap_or(Value::None),
        "__suppress_context__" => Value::Bool(e.suppress_context),
        "__traceback__" => Value::None,
        "__notes__" if !e.notes.is_empty() => Value::list(e.notes.clone()),
        "message" if e.group.is_some() => {
            e.group.as_ref().map(|g| g.0.clone()).unwrap_or(Value::None)
        }
        "exceptions" if e.group.is_some() => {
            Value::tuple(e.group.as_ref().map(|g| g.1.clone()).unwrap_or_default())
        }
        "value" if e.value.is_some() => e.value.clone().unwrap_or(Value::None),
        _ => return None,
    })
}

/// Writes an exception attribute; `Ok(false)` if `name` is an ordinary attribute.
pub fn set_attr(exc: &std::cell::RefCell<ExcData>, name: &str, value: &Value) -> PyResult<bool> {
    let mut e = exc.borrow_mut();
    let as_exc = |v: &Value, what: &str| -> PyResult<Option<Value>> {
        match v {
            Value::None => Ok(None),
            Value::Instance(i) if i.exc.is_some() => Ok(Some(v.clone())),
            _ => Err(PyErr::type_error(format!(
                "exception {what} must be None or derive from BaseException"
            ))),
        }
    };
    match name {
        "args" => {
            e.args = match value {
                Value::Tuple(t) => t.to_vec(),
                Value::List(l) => l.snapshot(),
                other => vec![other.clone()],
            }
        }
        "__cause__" => {
            e.cause = as_exc(value, "cause")?;
            e.suppress_context = true;
        }
        "__context__" => e.context = as_exc(value, "context")?,
        "__suppress_context__" => e.suppress_context = matches!(value, Value::Bool(true)),
        "__traceback__" => {}
        "__notes__" => {
            e.notes = match value {
                Value::List(l) => l.snapshot(),
                _ => Vec::new(),
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `BaseExceptionGroup(message, exceptions)` (`BaseExceptionGroup_new`): validates the
/// arguments and picks `ExceptionGroup` when every member is an `Exception`.
pub fn new_group(
    vm: &mut crate::lang::vm::Vm,
    cls: &Rc<Class>,
    args: super::Args,
) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            cls.name
        )));
    }
    if args.pos.len() != 2 {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let msg = args.pos[0].clone();
    if !matches!(msg, Value::Str(_)) {
        return Err(PyErr::type_error(format!(
            "argument 1 must be str, not {}",
            msg.type_name()
        )));
    }
    let excs = match &args.pos[1] {
        Value::List(_) | Value::Tuple(_) => vm.collect(&args.pos[1])?,
        _ => {
            return Err(PyErr::type_error(
                "second argument (exceptions) must be a sequence",
            ))
        }
    };
    if excs.is_empty() {
        return Err(PyErr::value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let exception = types::exception("Exception");
    let mut all_exceptions = true;
    for (i, x) in excs.iter().enumerate() {
        match x {
            Value::Instance(inst) if inst.exc.is_some() => {
                if !inst.class.is_subclass(&exception) {
                    all_exceptions = false;
                }
            }
            _ => {
                return Err(PyErr::value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )))
            }
        }
    }
    let base_group = types::exception("BaseExceptionGroup");
    let mut cls = cls.clone();
    if Rc::ptr_eq(&cls, &base_group) {
        if all_exceptions {
            cls = types::exception("ExceptionGroup");
        }
    } else if cls.is_subclass(&exception) && !all_exceptions {
        return Err(PyErr::type_error(
            "Cannot nest BaseExceptions in an ExceptionGroup",
        ));
    }
    let inst = Instance::new(cls);
    if let Some(e) = &inst.exc {
        let mut e = e.borrow_mut();
        // `args[1]` is the sequence as given (3.14's repr shows it, list or tuple).
        e.args = vec![msg.clone(), args.pos[1].clone()];
        e.group = Some((msg, excs));
    }
    Ok(Value::Instance(inst))
}
