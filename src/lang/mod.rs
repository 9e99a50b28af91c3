//! The Python subset: lexer, parser, compiler, VM (being written; see issue 4).
pub mod builtins;
pub mod compiler;
pub mod value;
pub mod vm;
