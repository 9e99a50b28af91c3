//! Scope analysis: which names are local, global, free or cells in each scope
//! (CPython `Python/symtable.c`: `symtable_visit_*` then `analyze_block`).

mod analyze;
mod visit;

use std::collections::{HashMap, HashSet};

use crate::lang::ast::Module;
use crate::lang::error::SyntaxError;
use crate::lang::span::Span;
use analyze::analyze;
use visit::Builder;

/// The kind of a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    /// A comprehension or generator expression body (its own function scope).
    Comprehension,
}

/// How a name is reached from code in a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A fast local slot (function scopes).
    Local,
    /// A local that nested scopes capture (a cell).
    Cell,
    /// A variable of an enclosing function scope.
    Free,
    /// `global x` or an unbound name in a function: globals then builtins.
    Global,
    /// Module and class bodies: the namespace dict, then globals, then builtins.
    Name,
}

/// One analysed scope. Invariant: `varnames` lists parameters first, in order
/// (positional-only, positional, `*args`, keyword-only, `**kwargs`).
#[derive(Debug, Default)]
pub struct Scope {
    pub kind: Option<ScopeKind>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub resolved: HashMap<String, Resolved>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// A class body some method of which uses `super` or `__class__`.
    pub needs_class_cell: bool,
    // Collected before analysis.
    assigned: HashSet<String>,
    used: HashSet<String>,
    globals: HashSet<String>,
    nonlocals: Vec<(String, Span)>,
    params: Vec<String>,
    children: Vec<Span>,
}

impl Scope {
    /// How `name` resolves in this scope.
    pub fn lookup(&self, name: &str) -> Resolved {
        match self.resolved.get(name) {
            Some(r) => *r,
            None => match self.kind {
                Some(ScopeKind::Function | ScopeKind::Comprehension) => Resolved::Global,
                _ => Resolved::Name,
            },
        }
    }
}

/// Every scope of a module, keyed by the span of the node that opens it (the module's
/// own span for the module).
pub struct SymbolTable {
    pub scopes: HashMap<(u32, u32), Scope>,
}

fn key(s: Span) -> (u32, u32) {
    (s.start, s.end)
}

/// Builds and analyses the symbol table of a module.
pub fn build(module: &Module) -> Result<SymbolTable, SyntaxError> {
    let root = key(module.span);
    let mut b = Builder {
        scopes: HashMap::new(),
        stack: vec![root],
    };
    b.scopes.insert(
        root,
        Scope {
            kind: Some(ScopeKind::Module),
            ..Scope::default()
        },
    );
    b.stmts(&module.body)?;
    let mut scopes = b.scopes;
    analyze(&mut scopes, root, &HashSet::new(), false)?;
    Ok(SymbolTable { scopes })
}
