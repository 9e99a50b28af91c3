//! Built-in functions of CPython the playground leaves out, present so that a call says
//! why instead of failing with a NameError (docs/language.md lists them).

use crate::lang::value::{Args, BuiltinFn, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

/// Why builtin `name` is missing.
pub fn reason(name: &str) -> &'static str {
    match name {
        "eval" | "exec" | "compile" | "__import__" => {
            "running code built at run time is not supported"
        }
        "globals" | "locals" => "namespaces are not exposed as dictionaries",
        "open" | "input" => "programs cannot read files or the keyboard in the browser tab",
        "bytes" | "bytearray" | "memoryview" => "the playground's Python has text (str) only",
        "complex" => "complex numbers are not supported",
        "breakpoint" | "help" => "there is no interactive console",
        _ => "it is not part of the playground's Python subset",
    }
}

fn raise(name: &str) -> PyResult<Value> {
    Err(PyErr::not_implemented(format!(
        "{name}() is not supported in the playground: {}",
        reason(name)
    )))
}

macro_rules! unsupported {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
            raise($name)
        })*
        /// The stand-ins, by builtin name.
        pub fn functions() -> Vec<(&'static str, BuiltinFn)> {
            vec![$(($name, $f as BuiltinFn)),*]
        }
    };
}

unsupported! {
    eval_ => "eval",
    exec_ => "exec",
    compile_ => "compile",
    import_ => "__import__",
    globals_ => "globals",
    locals_ => "locals",
    open_ => "open",
    bytes_ => "bytes",
    bytearray_ => "bytearray",
    memoryview_ => "memoryview",
    complex_ => "complex",
    breakpoint_ => "breakpoint",
    help_ => "help",
}

#[cfg(test)]
mod tests {
    #[test]
    fn calls_name_the_builtin_and_the_reason() {
        let out = crate::lang::vm::tests::run("eval('1')\n");
        assert!(out.ends_with(
            "NotImplementedError: eval() is not supported in the playground: running code built at run time is not supported\n"
        ));
        let out = crate::lang::vm::tests::run("open('f.txt')\n");
        assert!(out.contains("NotImplementedError: open() is not supported in the playground"));
    }
}
