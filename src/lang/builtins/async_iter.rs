//! `aiter()` and `anext()` (CPython `Python/bltinmodule.c` `builtin_aiter`,
//! `builtin_anext`; the default form awaits `__anext__()` and catches StopAsyncIteration).

use crate::lang::value::{Args, BuiltinFn, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

/// `aiter(obj)`: `obj.__aiter__()`.
fn aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_more_kw("aiter")?;
    args.check("aiter", 1, 1)?;
    let obj = &args.pos[0];
    if vm.getattr_opt(obj, "__aiter__")?.is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an async iterable",
            obj.type_name()
        )));
    }
    vm.call_method(obj, "__aiter__", vec![])
}

/// `anext(it[, default])`: the awaitable `it.__anext__()`; with a default, a coroutine
/// that gives `default` instead of raising StopAsyncIteration.
fn anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_more_kw("anext")?;
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "anext expected at least 1 argument, got {}",
            args.pos.len()
        )));
    }
    let it = &args.pos[0];
    if vm.getattr_opt(it, "__anext__")?.is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an async iterator",
            it.type_name()
        )));
    }
    let awaitable = vm.call_method(it, "__anext__", vec![])?;
    match args.pos.get(1) {
        None => Ok(awaitable),
        Some(default) => {
            let helpers = vm.import_module("_asyncio_py")?;
            let f = vm.getattr(&helpers, "anext_default")?;
            vm.call(&f, Args::new(vec![awaitable, default.clone()]))
        }
    }
}

pub fn functions() -> Vec<(&'static str, BuiltinFn)> {
    vec![("aiter", aiter), ("anext", anext)]
}
