//! The compiler: AST to bytecode (following CPython `Python/compile.c` and `symtable.c`).

/// A compiled code object (filled in with the bytecode compiler).
pub struct Code {
    pub name: std::rc::Rc<str>,
}
