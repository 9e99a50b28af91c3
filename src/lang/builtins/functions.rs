//! Built-in functions (CPython `Python/bltinmodule.c`).

mod introspection;
mod iterables;
mod numeric;

use crate::lang::value::{Args, BuiltinFn, PyErr, PyResult, Value};
use crate::lang::vm::{Stream, Vm};

pub use introspection::isinstance_of;

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn print(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let opt_str = |v: Option<Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(o) => Err(PyErr::type_error(format!(
                "{what} must be None or a string, not {}",
                o.type_name()
            ))),
        }
    };
    let sep = opt_str(args.take_kw("sep"), "sep", " ")?;
    let end = opt_str(args.take_kw("end"), "end", "\n")?;
    let file = args.take_kw("file").unwrap_or(Value::None);
    let _ = args.take_kw("flush");
    args.no_more_kw("print")?;
    let mut text = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&vm.to_str(v)?);
    }
    text.push_str(&end);
    match stream_of(&file) {
        Some(s) => vm.write_checked(s, &text)?,
        None => {
            vm.call_method(&file, "write", vec![Value::string(text)])?;
        }
    }
    Ok(Value::None)
}

/// The console stream a `file=` argument names (`None` and `sys.stdout` are stdout).
pub fn stream_of(file: &Value) -> Option<Stream> {
    match file {
        Value::None => Some(Stream::Stdout),
        Value::Instance(i) => match i.dict.borrow().get_str("_fd") {
            Some(Value::Int(1)) => Some(Stream::Stdout),
            Some(Value::Int(2)) => Some(Stream::Stderr),
            _ => None,
        },
        _ => None,
    }
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("len", 1, 1)?;
    Ok(Value::Int(vm.len(&args.pos[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("repr", 1, 1)?;
    Ok(Value::string(vm.repr(&args.pos[0])?))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("ascii", 1, 1)?;
    Ok(Value::string(super::format::ascii(&vm.repr(&args.pos[0])?)))
}

fn input(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::with_msg("EOFError", "EOF when reading a line"))
}

pub fn functions() -> Vec<(&'static str, BuiltinFn)> {
    let _ = numeric::neg_helper;
    vec![
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("sorted", iterables::sorted),
        ("min", iterables::min),
        ("max", iterables::max),
        ("sum", iterables::sum),
        ("any", iterables::any),
        ("all", iterables::all),
        ("abs", numeric::abs),
        ("round", numeric::round),
        ("isinstance", introspection::isinstance),
        ("issubclass", introspection::issubclass),
        ("iter", iterables::iter),
        ("next", iterables::next),
        ("getattr", introspection::getattr),
        ("hasattr", introspection::hasattr),
        ("setattr", introspection::setattr),
        ("delattr", introspection::delattr),
        ("callable", introspection::callable),
        ("hash", introspection::hash),
        ("id", introspection::id),
        ("divmod", numeric::divmod),
        ("pow", numeric::pow),
        ("chr", numeric::chr),
        ("ord", numeric::ord),
        ("hex", numeric::hex),
        ("oct", numeric::oct),
        ("bin", numeric::bin),
        ("vars", introspection::vars),
        ("dir", introspection::dir),
        ("input", input),
        ("format", super::format::builtin_format),
    ]
}
