//! Built-in modules importable by programs: `asyncio`, `sys`, `math`, `random`, `time`,
//! `typing`, `dataclasses`, and modules written in Python (`py/`).

pub mod asyncio;
mod asyncio_frames;
pub(crate) mod asyncio_loop;
mod asyncio_objects;
mod asyncio_repr;
mod asyncio_sync;
mod asyncio_wait;
pub mod dataclasses;
pub mod enums;
mod math;
pub mod random;
mod random_instance;
pub mod time;
pub mod unsupported;

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::value::{
    Args, Builtin, BuiltinFn, Class, Instance, Module, PyDict, PyErr, PyResult, PyStr, TypeKind,
    Value,
};
use crate::lang::vm::{Stream, Vm};

pub(crate) fn module(
    name: &str,
    funcs: Vec<(&'static str, BuiltinFn)>,
) -> (Rc<RefCell<PyDict>>, Value) {
    let d = Rc::new(RefCell::new(PyDict::new()));
    d.borrow_mut().set_str("__name__", Value::str(name));
    for (n, f) in funcs {
        d.borrow_mut().set_str(
            n,
            Value::Builtin(Rc::new(Builtin {
                name: n,
                func: f,
                owner: None,
            })),
        );
    }
    let m = Value::Module(Rc::new(Module {
        name: Rc::new(PyStr::new(name)),
        dict: d.clone(),
    }));
    (d, m)
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("write", 1, 1)?;
    let stream =
        crate::lang::builtins::functions::stream_of(&args.pos[0]).unwrap_or(Stream::Stdout);
    let s = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        o => {
            return Err(PyErr::type_error(format!(
                "write() argument must be str, not {}",
                o.type_name()
            )))
        }
    };
    vm.write_checked(stream, s.as_str())?;
    Ok(Value::Int(s.len() as i64))
}
fn sys_exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("exit", 0, 1)?;
    let cls = crate::lang::builtins::types::exception("SystemExit");
    Err(PyErr::new(&cls, args.pos.clone()))
}

fn stream_flush(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `sys.stdout`/`sys.stderr`: instances of a small text stream class.
fn streams() -> (Value, Value) {
    let mut d = PyDict::new();
    d.set_str(
        "write",
        Value::Builtin(Rc::new(Builtin {
            name: "write",
            func: stream_write,
            owner: Some("TextIOWrapper"),
        })),
    );
    d.set_str(
        "flush",
        Value::Builtin(Rc::new(Builtin {
            name: "flush",
            func: stream_flush,
            owner: Some("TextIOWrapper"),
        })),
    );
    let cls = Class::new_user("TextIOWrapper", "TextIOWrapper", "_io", vec![], d)
        .unwrap_or_else(|_| Class::new_builtin("TextIOWrapper", vec![], TypeKind::Object));
    let mk = |fd: i64| {
        let i = Instance::new(cls.clone());
        i.dict.borrow_mut().set_str("_fd", Value::Int(fd));
        Value::Instance(i)
    };
    (mk(1), mk(2))
}

/// Creates built-in module `name`, or `None` if there is no such module.
pub fn create(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let _ = &vm;
    Ok(Some(match name {
        "sys" => {
            let (d, m) = module("sys", vec![("exit", sys_exit as BuiltinFn)]);
            let (out, err) = streams();
            d.borrow_mut().set_str("stdout", out);
            d.borrow_mut().set_str("stderr", err);
            d.borrow_mut()
                .set_str("version", Value::str("3.14.0 (asyncio-playground)"));
            d.borrow_mut().set_str("maxsize", Value::Int(i64::MAX));
            d.borrow_mut()
                .set_str("argv", Value::list(vec![Value::str("main.py")]));
            d.borrow_mut().set_str("platform", Value::str("emscripten"));
            m
        }
        "math" => {
            let (d, m) = module("math", math::functions());
            d.borrow_mut()
                .set_str("tau", Value::Float(std::f64::consts::TAU));
            d.borrow_mut()
                .set_str("pi", Value::Float(std::f64::consts::PI));
            d.borrow_mut()
                .set_str("e", Value::Float(std::f64::consts::E));
            d.borrow_mut().set_str("inf", Value::Float(f64::INFINITY));
            d.borrow_mut().set_str("nan", Value::Float(f64::NAN));
            m
        }
        "asyncio" => asyncio::module(vm),
        "random" => {
            let (d, m) = module("random", random::functions());
            d.borrow_mut().set_str("Random", random_instance::class());
            m
        }
        "dataclasses" => {
            let (d, m) = module("dataclasses", dataclasses::functions());
            vm.exec_source(
                include_str!("py/dataclasses_helpers.py"),
                "<dataclasses>",
                d,
            )?;
            m
        }
        "typing" => {
            // Annotations are not evaluated (CPython 3.14 defers them); names used at run
            // time (`Optional[int]`, `List[str]`) resolve to subscriptable classes.
            let (d, m) = module("typing", vec![]);
            crate::lang::builtins::types::with(|t| {
                let pairs = [
                    ("List", &t.list),
                    ("Dict", &t.dict),
                    ("Set", &t.set),
                    ("FrozenSet", &t.frozenset),
                    ("Tuple", &t.tuple),
                    ("Type", &t.type_),
                ];
                for (n, c) in pairs {
                    d.borrow_mut().set_str(n, Value::Class(c.clone()));
                }
                for n in [
                    "Any",
                    "Optional",
                    "Union",
                    "Callable",
                    "Awaitable",
                    "Coroutine",
                    "Iterable",
                    "Iterator",
                    "AsyncIterator",
                    "AsyncIterable",
                    "Sequence",
                    "Mapping",
                    "Generator",
                    "AsyncGenerator",
                    "NoReturn",
                    "TypeVar",
                    "Generic",
                    "Protocol",
                    "Final",
                    "ClassVar",
                    "Literal",
                ] {
                    d.borrow_mut().set_str(n, Value::Class(t.object.clone()));
                }
            });
            d.borrow_mut().set_str("TYPE_CHECKING", Value::Bool(false));
            m
        }
        "time" => module("time", time::functions()).1,
        "collections" | "functools" | "itertools" | "contextlib" | "operator" | "heapq"
        | "bisect" | "enum" | "_asyncio_py" => {
            let src = match name {
                "collections" => include_str!("py/collections.py"),
                "contextlib" => include_str!("py/contextlib.py"),
                "operator" => include_str!("py/operator.py"),
                "heapq" => include_str!("py/heapq.py"),
                "bisect" => include_str!("py/bisect.py"),
                "enum" => include_str!("py/enum.py"),
                "functools" => include_str!("py/functools.py"),
                "_asyncio_py" => include_str!("py/asyncio_helpers.py"),
                _ => include_str!("py/itertools.py"),
            };
            let (d, m) = module(name, vec![]);
            vm.exec_source(src, &format!("<{name}>"), d)?;
            m
        }
        _ => return Ok(None),
    }))
}
