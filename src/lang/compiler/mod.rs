//! The compiler: AST to bytecode, one `Code` per scope (following CPython
//! `Python/compile.c`; scopes come from `symtable.rs`, after `Python/symtable.c`).
//!
//! Invariants: the value stack depth at every instruction is statically known; `return`,
//! `break` and `continue` unwind the enclosing blocks at compile time (`unwind_fblock`, as
//! `compiler_unwind_fblock` does), so at run time only exceptions use the block stack.

mod blocks;
pub mod code;
mod defs;
mod expr;
mod stmt;
pub mod symtable;
mod unwind;

use std::collections::HashMap;
use std::rc::Rc;

pub use code::{Code, CodeKind, Op, Source};

use crate::lang::ast::{self, Module, Stmt};
use crate::lang::error::SyntaxError;
use crate::lang::span::{LineTable, Span};
use crate::lang::value::{PyStr, Value};
use symtable::{Resolved, Scope, ScopeKind, SymbolTable};

/// A compile-time block that `return`/`break`/`continue` must unwind (`fblockinfo`).
enum FBlock<'a> {
    /// A `while` loop: continue jumps to `head`; breaks are patched at the end.
    While { head: usize, breaks: Vec<usize> },
    /// A `for` loop: the iterator is on the stack.
    For { head: usize, breaks: Vec<usize> },
    /// Inside `try` with a `finally`: unwinding runs the finally body.
    TryFinally(&'a [Stmt]),
    /// Inside a `try` body that has handlers (its handler block is on the block stack).
    TryExcept,
    /// Inside a `finally` body run for an exception (the exception is on the stack).
    FinallyEnd,
    /// Inside a `with` body: unwinding calls `__exit__(None, None, None)`.
    With,
    /// Inside an `async with` body: unwinding awaits `__aexit__(None, None, None)`.
    AsyncWith,
    /// Inside an `except` body: unwinding ends the handler and unbinds `name`.
    HandlerCleanup(Option<String>),
}

/// One code object being built.
struct Unit<'a> {
    name: Rc<str>,
    qualname: Rc<str>,
    kind: CodeKind,
    scope_key: (u32, u32),
    ops: Vec<Op>,
    spans: Vec<Span>,
    anchors: Vec<Option<(u32, u32)>>,
    anchor: Option<(u32, u32)>,
    consts: Vec<Value>,
    codes: Vec<Rc<Code>>,
    names: Vec<Rc<PyStr>>,
    name_index: HashMap<String, u32>,
    fblocks: Vec<FBlock<'a>>,
    span: Span,
}

/// Compiles one module.
pub struct Compiler<'a> {
    table: SymbolTable,
    units: Vec<Unit<'a>>,
    source: Rc<Source>,
    /// Stands in for a scope the table lacks (cannot happen for parsed input).
    empty: Scope,
}

/// Compiles a parsed module to its code object.
pub fn compile(module: &Module, text: &str, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    let table = symtable::build(module)?;
    let source = Rc::new(Source {
        filename: Rc::from(filename),
        text: Rc::from(text),
        lines: LineTable::new(text),
    });
    let mut c = Compiler {
        table,
        units: Vec::new(),
        source,
        empty: Scope::default(),
    };
    c.push_unit("<module>", "<module>", CodeKind::Module, module.span);
    c.stmts(&module.body)?;
    c.load_const(Value::None);
    c.emit(Op::ReturnValue);
    Ok(c.pop_unit(0, false))
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    fn scope(&self) -> &Scope {
        let k = self.units.last().map(|u| u.scope_key).unwrap_or((0, 0));
        self.table.scopes.get(&k).unwrap_or(&self.empty)
    }

    fn push_unit(&mut self, name: &str, qualname: &str, kind: CodeKind, span: Span) {
        self.units.push(Unit {
            name: Rc::from(name),
            qualname: Rc::from(qualname),
            kind,
            scope_key: (span.start, span.end),
            ops: Vec::new(),
            spans: Vec::new(),
            anchors: Vec::new(),
            anchor: None,
            consts: Vec::new(),
            codes: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            fblocks: Vec::new(),
            span,
        });
    }

    /// Finishes the current unit. `params` describes the signature for functions.
    fn pop_unit(&mut self, n_defaults: u32, has_kwdefaults: bool) -> Rc<Code> {
        // Every caller pairs `push_unit` with this call, and an error aborts the whole
        // compile before it, so the stack is never empty here (compiler invariant, not
        // user data).
        let u = self.units.pop().expect("pop_unit follows push_unit");
        let sc = self.table.scopes.get(&u.scope_key);
        let (varnames, cellvars, freevars, is_gen, is_coro) = match sc {
            Some(s) => (
                s.varnames.clone(),
                s.cellvars.clone(),
                s.freevars.clone(),
                s.is_generator,
                s.is_coroutine,
            ),
            None => Default::default(),
        };
        let cell_args = cellvars
            .iter()
            .map(|c| varnames.iter().position(|v| v == c).map(|i| i as u32))
            .collect();
        // Where each free variable comes from in the enclosing unit.
        let closure_src = match self.units.last() {
            Some(parent) => {
                let ps = self.table.scopes.get(&parent.scope_key);
                freevars
                    .iter()
                    .map(|n| match ps {
                        Some(p) => match p.cellvars.iter().position(|c| c == n) {
                            Some(i) => i as u32,
                            None => {
                                (p.cellvars.len()
                                    + p.freevars.iter().position(|f| f == n).unwrap_or(0))
                                    as u32
                            }
                        },
                        None => 0,
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        Rc::new(Code {
            name: u.name,
            qualname: u.qualname,
            kind: u.kind,
            ops: u.ops,
            spans: u.spans,
            anchors: u.anchors,
            consts: u.consts,
            codes: u.codes,
            names: u.names,
            varnames: varnames.iter().map(|s| Rc::from(s.as_str())).collect(),
            cellvars: cellvars.iter().map(|s| Rc::from(s.as_str())).collect(),
            freevars: freevars.iter().map(|s| Rc::from(s.as_str())).collect(),
            cell_args,
            closure_src,
            argcount: 0,
            posonlycount: 0,
            kwonlycount: 0,
            has_varargs: false,
            has_varkw: false,
            is_generator: is_gen,
            is_coroutine: is_coro,
            n_defaults,
            has_kwdefaults,
            first_line: self.source.lines.line_of(u.span.start),
            source: self.source.clone(),
        })
    }

    // ---- emitting ----

    fn emit(&mut self, op: Op) -> usize {
        let u = self.unit();
        u.ops.push(op);
        u.spans.push(u.span);
        u.anchors.push(u.anchor);
        u.ops.len() - 1
    }
    fn here(&mut self) -> usize {
        self.unit().ops.len()
    }
    /// Points the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }
    fn patch_to(&mut self, at: usize, target: u32) {
        let op = &mut self.unit().ops[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(target),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(target),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(target),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(target),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(target),
            Op::ForIter(_) => Op::ForIter(target),
            Op::SetupFinally(_) => Op::SetupFinally(target),
            Op::SetupWith(_) => Op::SetupWith(target),
            Op::SetupAsyncWith(_) => Op::SetupAsyncWith(target),
            other => other,
        };
    }
    fn with_span<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> T) -> T {
        let old = std::mem::replace(&mut self.unit().span, span);
        let old_anchor = self.unit().anchor.take();
        let r = f(self);
        self.unit().span = old;
        self.unit().anchor = old_anchor;
        r
    }

    /// Emits `op` with a caret anchor (the `^` part of a traceback line).
    fn emit_anchored(&mut self, op: Op, anchor: (u32, u32)) -> usize {
        self.unit().anchor = Some(anchor);
        let i = self.emit(op);
        self.unit().anchor = None;
        i
    }

    fn const_index(&mut self, v: Value) -> u32 {
        let u = self.unit();
        u.consts.push(v);
        (u.consts.len() - 1) as u32
    }
    fn load_const(&mut self, v: Value) {
        let i = self.const_index(v);
        self.emit(Op::LoadConst(i));
    }
    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        u.names.push(Rc::new(PyStr::new(name)));
        let i = (u.names.len() - 1) as u32;
        u.name_index.insert(name.to_string(), i);
        i
    }

    /// The load/store/delete instruction for `name` in the current scope (`compiler_nameop`).
    fn name_op(&mut self, name: &str, ctx: ast::ExprContext) {
        let sc = self.scope();
        let kind = sc.kind;
        let r = sc.lookup(name);
        let deref = |sc: &Scope, n: &str| -> u32 {
            match sc.cellvars.iter().position(|c| c == n) {
                Some(i) => i as u32,
                None => {
                    (sc.cellvars.len() + sc.freevars.iter().position(|f| f == n).unwrap_or(0))
                        as u32
                }
            }
        };
        let fast = sc.varnames.iter().position(|v| v == name).map(|i| i as u32);
        let d = deref(sc, name);
        use ast::ExprContext::*;
        let op = match (r, ctx) {
            (Resolved::Local, Load) => Op::LoadFast(fast.unwrap_or(0)),
            (Resolved::Local, Store) => Op::StoreFast(fast.unwrap_or(0)),
            (Resolved::Local, Del) => Op::DeleteFast(fast.unwrap_or(0)),
            (Resolved::Cell | Resolved::Free, Load) if kind == Some(ScopeKind::Class) => {
                Op::LoadClassDeref(d)
            }
            (Resolved::Cell | Resolved::Free, Load) => Op::LoadDeref(d),
            (Resolved::Cell | Resolved::Free, Store) => Op::StoreDeref(d),
            (Resolved::Cell | Resolved::Free, Del) => Op::DeleteDeref(d),
            (Resolved::Global, c) if kind != Some(ScopeKind::Module) => {
                let i = self.name_index(name);
                match c {
                    Load => Op::LoadGlobal(i),
                    Store => Op::StoreGlobal(i),
                    Del => Op::DeleteGlobal(i),
                }
            }
            (_, c) => {
                let i = self.name_index(name);
                match c {
                    Load => Op::LoadName(i),
                    Store => Op::StoreName(i),
                    Del => Op::DeleteName(i),
                }
            }
        };
        self.emit(op);
    }

    /// Qualified name for a new scope named `name` (`compiler_set_qualname`).
    fn qualname_for(&self, name: &str) -> String {
        let parent: Option<&Unit> = self.units.last().filter(|u| u.kind != CodeKind::Module);
        match parent {
            None => name.to_string(),
            Some(p) => {
                // A global declaration of the name makes the qualname bare.
                let global = self
                    .table
                    .scopes
                    .get(&p.scope_key)
                    .map(|s| {
                        s.resolved.get(name) == Some(&Resolved::Global)
                            && s.kind != Some(ScopeKind::Class)
                    })
                    .unwrap_or(false);
                if global {
                    name.to_string()
                } else if p.kind == CodeKind::Function || p.kind == CodeKind::Comprehension {
                    format!("{}.<locals>.{}", p.qualname, name)
                } else {
                    format!("{}.{}", p.qualname, name)
                }
            }
        }
    }

    fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }
}
