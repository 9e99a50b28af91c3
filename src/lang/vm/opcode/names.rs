//! Loading and storing variables; imports (CPython `LOAD_FAST`, `LOAD_DEREF`,
//! `LOAD_NAME`, `LOAD_GLOBAL`, `IMPORT_NAME`, `IMPORT_FROM`).

use crate::lang::compiler::Op;
use crate::lang::value::{PyErr, PyResult, Value};
use crate::lang::vm::eval::{stack_underflow, Flow};
use crate::lang::vm::frame::Frame;
use crate::lang::vm::Vm;

fn unbound_local(name: &str) -> PyErr {
    PyErr::with_msg(
        "UnboundLocalError",
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

impl Vm {
    pub(crate) fn op_fast(&mut self, f: &mut Frame, op: Op, i: usize) -> PyResult<Flow> {
        match op {
            Op::LoadFast(_) => match f.fast.get(i).cloned().flatten() {
                Some(v) => f.stack.push(v),
                None => {
                    return Err(unbound_local(
                        f.code.varnames.get(i).map(|s| &**s).unwrap_or("?"),
                    ))
                }
            },
            Op::StoreFast(_) => {
                let v = f.stack.pop().ok_or_else(stack_underflow)?;
                if let Some(slot) = f.fast.get_mut(i) {
                    *slot = Some(v);
                }
            }
            _ => {
                let was = f.fast.get_mut(i).and_then(|s| s.take());
                if was.is_none() {
                    return Err(unbound_local(
                        f.code.varnames.get(i).map(|s| &**s).unwrap_or("?"),
                    ));
                }
            }
        }
        Ok(Flow::Next)
    }

    fn deref_name(f: &Frame, i: usize) -> (String, bool) {
        let nc = f.code.cellvars.len();
        if i < nc {
            (f.code.cellvars[i].to_string(), false)
        } else {
            (
                f.code
                    .freevars
                    .get(i - nc)
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                true,
            )
        }
    }

    pub(crate) fn op_deref(&mut self, f: &mut Frame, op: Op, i: usize) -> PyResult<Flow> {
        let Some(cell) = f.cells.get(i).cloned() else {
            return Err(PyErr::runtime_error(
                "internal error: bad cell index (please report)",
            ));
        };
        match op {
            Op::LoadClassDeref(_) | Op::LoadDeref(_) => {
                if let (Op::LoadClassDeref(_), Some(locals)) = (op, &f.locals) {
                    let (name, _) = Self::deref_name(f, i);
                    if let Some(v) = locals.borrow().get_str(&name) {
                        f.stack.push(v);
                        return Ok(Flow::Next);
                    }
                }
                let v = cell.borrow().clone();
                match v {
                    Some(v) => f.stack.push(v),
                    None => {
                        let (name, free) = Self::deref_name(f, i);
                        return Err(if free {
                            PyErr::name_error(format!(
                                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                            ))
                        } else {
                            unbound_local(&name)
                        });
                    }
                }
            }
            Op::StoreDeref(_) => {
                let v = f.stack.pop().ok_or_else(stack_underflow)?;
                *cell.borrow_mut() = Some(v);
            }
            _ => {
                if cell.borrow_mut().take().is_none() {
                    let (name, _) = Self::deref_name(f, i);
                    return Err(unbound_local(&name));
                }
            }
        }
        Ok(Flow::Next)
    }

    pub(crate) fn op_name(&mut self, f: &mut Frame, op: Op, i: usize) -> PyResult<Flow> {
        let name = f.code.names[i].clone();
        let n = name.as_str();
        match op {
            Op::LoadName(_) | Op::LoadGlobal(_) => {
                if let (Op::LoadName(_), Some(l)) = (op, &f.locals) {
                    if let Some(v) = l.borrow().get_str(n) {
                        f.stack.push(v);
                        return Ok(Flow::Next);
                    }
                }
                let v = f
                    .globals
                    .borrow()
                    .get_str(n)
                    .or_else(|| self.builtins.borrow().get_str(n));
                match v {
                    Some(v) => f.stack.push(v),
                    None => return Err(PyErr::name_error(format!("name '{n}' is not defined"))),
                }
            }
            Op::StoreName(_) | Op::StoreGlobal(_) => {
                let v = f.stack.pop().ok_or_else(stack_underflow)?;
                let target = match (op, &f.locals) {
                    (Op::StoreName(_), Some(l)) => l.clone(),
                    _ => f.globals.clone(),
                };
                target.borrow_mut().set_pystr(name.clone(), v);
            }
            _ => {
                let target = match (op, &f.locals) {
                    (Op::DeleteName(_), Some(l)) => l.clone(),
                    _ => f.globals.clone(),
                };
                if target.borrow_mut().del_str(n).is_none() {
                    return Err(PyErr::name_error(format!("name '{n}' is not defined")));
                }
            }
        }
        Ok(Flow::Next)
    }

    pub(crate) fn op_import(&mut self, f: &mut Frame, op: Op) -> PyResult<Flow> {
        match op {
            Op::ImportName(i) => {
                let name = f.code.names[i as usize].clone();
                let m = self.import_module(name.as_str())?;
                f.stack.push(m);
            }
            Op::ImportFrom(i) => {
                let name = f.code.names[i as usize].clone();
                let m = f.stack.last().cloned().ok_or_else(stack_underflow)?;
                match self.getattr_opt(&m, name.as_str())? {
                    Some(v) => f.stack.push(v),
                    None => {
                        let mname = match &m {
                            Value::Module(md) => md.name.as_str().to_string(),
                            _ => "?".into(),
                        };
                        if mname == "asyncio" {
                            if let Some(why) =
                                crate::lang::modules::unsupported::asyncio_reason(name.as_str())
                            {
                                return Err(PyErr::not_implemented(why));
                            }
                        }
                        return Err(PyErr::with_msg(
                            "ImportError",
                            format!(
                                "cannot import name '{}' from '{}' (unknown location)",
                                name.as_str(),
                                mname
                            ),
                        ));
                    }
                }
            }
            _ => {
                let m = f.stack.pop().ok_or_else(stack_underflow)?;
                if let Value::Module(md) = &m {
                    let entries: Vec<(Value, Value)> = md
                        .dict
                        .borrow()
                        .iter()
                        .map(|e| (e.key.clone(), e.value.clone()))
                        .collect();
                    let target = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                    for (k, v) in entries {
                        if let Value::Str(s) = &k {
                            if !s.as_str().starts_with('_') {
                                target.borrow_mut().set_pystr(s.clone(), v);
                            }
                        }
                    }
                }
            }
        }
        Ok(Flow::Next)
    }
}
