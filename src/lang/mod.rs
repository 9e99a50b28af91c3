//! The Python subset: source text -> tokens -> syntax tree (with spans) -> (compiler, VM: later).
//!
//! Phases, each a file or folder:
//! - [`span`]: byte spans and the line table that turns them into lines/columns/UTF-16 at the edge;
//! - `lexer`: text -> tokens, with INDENT/DEDENT and f-strings kept whole for the parser;
//! - `parser`: tokens -> [`ast::Module`] (recursive descent after CPython's `Grammar/python.gram`);
//! - [`ast`]: the tree, shaped like CPython's `ast` module, every node with a byte span;
//! - `error`: every syntax-error message (CPython's wording) and its rendering.

pub mod ast;
pub mod builtins;
pub mod compiler;
pub mod error;
pub mod lexer;
pub mod modules;
pub mod parser;
pub mod span;
pub mod value;
pub mod vm;
