//! The resolving pass: decides for each name of each scope whether it is local, a cell,
//! free, global or a namespace name, and lays out the slots (CPython `analyze_block`).

use std::collections::{HashMap, HashSet};

use super::{key, Resolved, Scope, ScopeKind};
use crate::lang::error::{ErrorKind, SyntaxError};

/// Resolves one scope given the names bound in enclosing function scopes; returns the
/// free names it (or its children) need from outside (`analyze_block`).
pub(super) fn analyze(
    scopes: &mut HashMap<(u32, u32), Scope>,
    k: (u32, u32),
    enclosing: &HashSet<String>,
    in_class: bool,
) -> Result<HashSet<String>, SyntaxError> {
    let Some(mut sc) = scopes.remove(&k) else {
        return Ok(HashSet::new());
    };
    let kind = sc.kind.unwrap_or(ScopeKind::Module);
    let is_func = matches!(kind, ScopeKind::Function | ScopeKind::Comprehension);
    let mut resolved: HashMap<String, Resolved> = HashMap::new();
    let mut free_needed: HashSet<String> = HashSet::new();
    for (n, span) in &sc.nonlocals {
        if !enclosing.contains(n) {
            return Err(SyntaxError::new(
                ErrorKind::Named {
                    template: "no binding for nonlocal '{}' found",
                    name: n.clone(),
                },
                *span,
            ));
        }
        resolved.insert(n.clone(), Resolved::Free);
        free_needed.insert(n.clone());
    }
    let mut names: Vec<String> = sc.assigned.iter().chain(sc.used.iter()).cloned().collect();
    crate::sort::sort(&mut names);
    names.dedup();
    // Functions inside a class that mention `super` get an implicit `__class__`.
    if is_func && in_class && sc.used.contains("super") {
        names.push("__class__".into());
        sc.used.insert("__class__".into());
    }
    for n in &names {
        if resolved.contains_key(n) {
            continue;
        }
        let r = if sc.globals.contains(n) {
            Resolved::Global
        } else if sc.assigned.contains(n) {
            if is_func {
                Resolved::Local
            } else {
                Resolved::Name
            }
        } else if enclosing.contains(n) {
            free_needed.insert(n.clone());
            Resolved::Free
        } else if is_func {
            Resolved::Global
        } else {
            Resolved::Name
        };
        resolved.insert(n.clone(), r);
    }
    // Children see this scope's locals if it is a function scope.
    let mut inner = enclosing.clone();
    if is_func {
        for (n, r) in &resolved {
            if matches!(r, Resolved::Local | Resolved::Free) {
                inner.insert(n.clone());
            }
        }
    }
    if kind == ScopeKind::Class {
        inner.insert("__class__".into());
    }
    for ck in std::mem::take(&mut sc.children) {
        let child_free = analyze(scopes, key(ck), &inner, kind == ScopeKind::Class)?;
        for n in child_free {
            if kind == ScopeKind::Class && n == "__class__" {
                sc.needs_class_cell = true;
                continue;
            }
            match resolved.get(&n) {
                Some(Resolved::Local) if is_func => {
                    resolved.insert(n.clone(), Resolved::Cell);
                }
                Some(Resolved::Cell) => {}
                _ => {
                    // Pass-through: this scope needs it from outside too.
                    if is_func || kind == ScopeKind::Class {
                        if kind == ScopeKind::Class && resolved.get(&n) == Some(&Resolved::Name) {
                            // The class binds the name in its dict, but methods see the
                            // enclosing function's variable.
                        } else if kind != ScopeKind::Class {
                            resolved.insert(n.clone(), Resolved::Free);
                        }
                        free_needed.insert(n.clone());
                    }
                }
            }
        }
    }
    // Layout: parameters first, then other locals; cells; frees.
    let mut varnames = sc.params.clone();
    let mut locals: Vec<&String> = resolved
        .iter()
        .filter(|(n, r)| matches!(r, Resolved::Local | Resolved::Cell) && !sc.params.contains(n))
        .map(|(n, _)| n)
        .collect();
    crate::sort::sort(&mut locals);
    if is_func {
        varnames.extend(locals.into_iter().cloned());
    }
    let mut cellvars: Vec<String> = resolved
        .iter()
        .filter(|(_, r)| **r == Resolved::Cell)
        .map(|(n, _)| n.clone())
        .collect();
    crate::sort::sort(&mut cellvars);
    if sc.needs_class_cell {
        cellvars.push("__class__".into());
    }
    let mut freevars: Vec<String> = free_needed.iter().cloned().collect();
    crate::sort::sort(&mut freevars);
    if kind == ScopeKind::Class {
        // Class bodies load enclosing function variables through their own free slots.
        for n in &freevars {
            if !resolved.contains_key(n)
                || resolved.get(n) == Some(&Resolved::Name) && !sc.assigned.contains(n)
            {
                resolved.insert(n.clone(), Resolved::Free);
            }
        }
    }
    sc.varnames = if is_func { varnames } else { Vec::new() };
    sc.cellvars = cellvars;
    sc.freevars = freevars.clone();
    sc.resolved = resolved;
    scopes.insert(k, sc);
    Ok(free_needed)
}
