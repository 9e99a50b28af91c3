//! The Python subset: source text -> tokens -> syntax tree with spans (-> compiler, VM: later).
//!
//! Phases, each a file or folder (boa / RustPython shape):
//! - [`span`]: [`span::Span`] byte ranges, and the [`span::LineTable`] that turns them into
//!   lines, columns and UTF-16 offsets at the edge (tracebacks, CodeMirror);
//! - [`lexer`]: text -> tokens, with NEWLINE/INDENT/DEDENT as CPython makes them; f-strings are
//!   split into literal text and replacement fields there;
//! - [`parser`]: tokens -> [`ast::Module`], recursive descent after CPython's
//!   `Grammar/python.gram`, then the context checks CPython's compiler makes (`'return'
//!   outside function`, `'await' outside async function`, ...);
//! - [`ast`]: the tree, shaped like CPython's `ast` module; [`ast::dump`] prints it compactly;
//! - [`error`]: every syntax-error message in CPython 3.14's wording, and its rendering
//!   (the traceback module's carets, and "Did you mean 'import'?" for misspelt keywords).
//!
//! Use: `lang::parser::parse(source)` gives `Ok(Module)` or `Err(ParseError)`; a
//! `ParseError::Syntax` renders as CPython prints it with `render(source, "main.py")`, and
//! gives its place through `span()` (or `utf16_range` for the editor).
//! `ParseError::Internal` would be a bug of ours, never the user's fault.
//!
//! Invariants: no input makes the front end panic or overflow its stack (nesting is limited,
//! see [`parser::MAX_DEPTH`]); every span lies on character boundaries of the source.
//!
//! Tested against CPython 3.14 itself: recorded renderings of ~350 erroneous programs, the
//! trees and node positions of every construct and test program, and (opt-in) thousands of
//! mutated programs and CPython's whole standard library (identical trees and positions for
//! every file in the subset); see `parser/testdata/README.md`.

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
