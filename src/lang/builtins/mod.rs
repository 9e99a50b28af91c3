//! The `builtins` namespace: functions, type objects, exception classes
//! (CPython `Python/bltinmodule.c` `_PyBuiltin_Init`).

pub mod async_iter;
pub mod constructors;
pub mod dicts;
pub mod format;
pub mod functions;
pub mod objects;
pub mod percent;
pub mod sets;
pub mod types;
pub mod unsupported;

use std::rc::Rc;

use crate::lang::value::exception::ASYNCIO_EXCEPTIONS;
use crate::lang::value::{Builtin, PyDict, Value};

/// A fresh builtins namespace.
pub fn namespace() -> PyDict {
    let mut d = PyDict::new();
    for (name, func) in functions::functions()
        .into_iter()
        .chain(async_iter::functions())
        .chain(unsupported::functions())
    {
        d.set_str(
            name,
            Value::Builtin(Rc::new(Builtin {
                name,
                func,
                owner: None,
            })),
        );
    }
    types::with(|t| {
        let classes = [
            &t.object,
            &t.type_,
            &t.int,
            &t.bool_,
            &t.float,
            &t.str_,
            &t.list,
            &t.tuple,
            &t.dict,
            &t.set,
            &t.frozenset,
            &t.range,
            &t.slice,
            &t.staticmethod,
            &t.classmethod,
            &t.property,
            &t.super_,
            &t.enumerate,
            &t.zip,
            &t.map,
            &t.filter,
            &t.reversed,
        ];
        for c in classes {
            d.set_str(&c.name, Value::Class(c.clone()));
        }
        for (name, c) in &t.exceptions {
            if !ASYNCIO_EXCEPTIONS.contains(name) {
                d.set_str(name, Value::Class(c.clone()));
            }
        }
    });
    d.set_str("None", Value::None);
    d.set_str("True", Value::Bool(true));
    d.set_str("False", Value::Bool(false));
    d.set_str("NotImplemented", Value::NotImplemented);
    d.set_str("Ellipsis", Value::Ellipsis);
    d.set_str("__name__", Value::str("builtins"));
    d
}
