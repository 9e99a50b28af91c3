//! Methods of `str` (CPython `Objects/unicodeobject.c` `unicode_methods`). Indices are
//! code points; searching works on UTF-8 and converts byte offsets back.

mod case;
mod layout;
mod search;
mod split;

use std::rc::Rc;

use super::{Args, BuiltinFn, PyErr, PyResult, PyStr, Value};
use crate::lang::vm::Vm;

fn this(args: &Args) -> PyResult<Rc<PyStr>> {
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'str' object")),
    }
}

fn arg_str<'a>(args: &'a Args, i: usize, fname: &str) -> PyResult<&'a Rc<PyStr>> {
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument {} must be str, not {}",
            i,
            other.type_name()
        ))),
        None => Err(PyErr::type_error(format!("{fname}() missing argument"))),
    }
}

pub fn methods() -> Vec<(&'static str, BuiltinFn)> {
    let _ = case::isascii_nonempty;
    vec![
        ("strip", case::strip),
        ("lstrip", case::lstrip),
        ("rstrip", case::rstrip),
        ("upper", case::upper),
        ("lower", case::lower),
        ("casefold", case::casefold),
        ("swapcase", case::swapcase),
        ("capitalize", case::capitalize),
        ("title", case::title),
        ("isdigit", case::isdigit),
        ("isdecimal", case::isdecimal),
        ("isnumeric", case::isnumeric),
        ("isalpha", case::isalpha),
        ("isalnum", case::isalnum),
        ("isspace", case::isspace),
        ("isascii", case::isascii),
        ("isupper", case::isupper),
        ("islower", case::islower),
        ("istitle", case::istitle),
        ("isidentifier", case::isidentifier),
        ("find", search::find),
        ("rfind", search::rfind),
        ("index", search::index),
        ("rindex", search::rindex),
        ("count", search::count),
        ("startswith", search::startswith),
        ("endswith", search::endswith),
        ("split", split::split),
        ("rsplit", split::rsplit),
        ("splitlines", split::splitlines),
        ("join", split::join),
        ("replace", split::replace),
        ("ljust", layout::ljust),
        ("rjust", layout::rjust),
        ("center", layout::center),
        ("zfill", layout::zfill),
        ("partition", search::partition),
        ("rpartition", search::rpartition),
        ("removeprefix", search::removeprefix),
        ("removesuffix", search::removesuffix),
        ("expandtabs", layout::expandtabs),
        ("format", layout::format),
        ("format_map", layout::format_map),
        ("isprintable", case::isprintable),
        ("encode", layout::encode),
    ]
}
