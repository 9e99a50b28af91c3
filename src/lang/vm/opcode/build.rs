//! Building containers, unpacking and f-string formatting (CPython `BUILD_*`,
//! `LIST_APPEND`, `UNPACK_SEQUENCE`, `UNPACK_EX`, `FORMAT_VALUE`).

use std::rc::Rc;

use crate::lang::builtins::format::{convert, format_value};
use crate::lang::compiler::Op;
use crate::lang::value::{PyErr, PyResult, Value};
use crate::lang::vm::eval::{stack_underflow, Flow};
use crate::lang::vm::frame::Frame;
use crate::lang::vm::Vm;

fn split_top(f: &mut Frame, n: usize) -> PyResult<Vec<Value>> {
    if f.stack.len() < n {
        return Err(stack_underflow());
    }
    let at = f.stack.len() - n;
    Ok(f.stack.split_off(at))
}

impl Vm {
    pub(crate) fn op_build(&mut self, f: &mut Frame, op: Op) -> PyResult<Flow> {
        match op {
            Op::BuildTuple(n) => {
                let items = split_top(f, n as usize)?;
                f.stack.push(Value::tuple(items));
            }
            Op::BuildList(n) => {
                let items = split_top(f, n as usize)?;
                f.stack.push(Value::list(items));
            }
            Op::BuildSet(n) => {
                let items = split_top(f, n as usize)?;
                f.stack
                    .push(crate::lang::builtins::sets::make(self, items, false)?);
            }
            Op::BuildMap(n) => {
                let items = split_top(f, 2 * n as usize)?;
                let mut pairs = Vec::with_capacity(n as usize);
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    pairs.push((k, v));
                }
                f.stack.push(self.new_dict(pairs)?);
            }
            Op::BuildSlice(n) => {
                let items = split_top(f, n as usize)?;
                let mut it = items.into_iter();
                let a = it.next().unwrap_or(Value::None);
                let b = it.next().unwrap_or(Value::None);
                let c = it.next().unwrap_or(Value::None);
                f.stack.push(Value::Slice(Rc::new([a, b, c])));
            }
            Op::BuildString(n) => {
                let items = split_top(f, n as usize)?;
                let mut s = String::new();
                for v in &items {
                    match v {
                        Value::Str(p) => s.push_str(p.as_str()),
                        other => s.push_str(&self.to_str(other)?),
                    }
                }
                f.stack.push(Value::string(s));
            }
            Op::ListAppend(d)
            | Op::SetAdd(d)
            | Op::ListExtend(d)
            | Op::SetUpdate(d)
            | Op::DictUpdate(d)
            | Op::DictMerge(d) => {
                let v = f.stack.pop().ok_or_else(stack_underflow)?;
                let at = f
                    .stack
                    .len()
                    .checked_sub(d as usize)
                    .ok_or_else(stack_underflow)?;
                let target = f.stack[at].clone();
                match (op, &target) {
                    (Op::ListAppend(_), Value::List(l)) => l.items.borrow_mut().push(v),
                    (Op::ListExtend(_), Value::List(l)) => {
                        let items = self.collect(&v).map_err(|e| {
                            if e.matches("TypeError") {
                                PyErr::type_error(format!(
                                    "Value after * must be an iterable, not {}",
                                    v.type_name()
                                ))
                            } else {
                                e
                            }
                        })?;
                        l.items.borrow_mut().extend(items);
                    }
                    (Op::SetAdd(_), Value::Set(s)) => {
                        let mut tmp = s.borrow().clone();
                        crate::lang::builtins::sets::add_to(self, &mut tmp, v)?;
                        *s.borrow_mut() = tmp;
                    }
                    (Op::SetUpdate(_), Value::Set(s)) => {
                        let items = self.collect(&v)?;
                        let mut tmp = s.borrow().clone();
                        for x in items {
                            crate::lang::builtins::sets::add_to(self, &mut tmp, x)?;
                        }
                        *s.borrow_mut() = tmp;
                    }
                    (Op::DictUpdate(_), Value::Dict(d)) => {
                        if !matches!(v, Value::Dict(_))
                            && crate::lang::vm::protocol::user_method(&v, "keys").is_none()
                        {
                            return Err(PyErr::type_error(format!(
                                "'{}' object is not a mapping",
                                v.type_name()
                            )));
                        }
                        self.dict_update(d, &v)?;
                    }
                    (Op::DictMerge(_), Value::Dict(d)) => {
                        let func = at.checked_sub(2).and_then(|i| f.stack.get(i)).cloned();
                        self.dict_merge(d, &v, func.unwrap_or(Value::None))?;
                    }
                    _ => return Err(stack_underflow()),
                }
            }
            Op::MapAdd(d) => {
                let v = f.stack.pop().ok_or_else(stack_underflow)?;
                let k = f.stack.pop().ok_or_else(stack_underflow)?;
                let at = f
                    .stack
                    .len()
                    .checked_sub(d as usize)
                    .ok_or_else(stack_underflow)?;
                if let Value::Dict(dict) = f.stack[at].clone() {
                    self.dict_set(&dict, k, v)?;
                }
            }
            Op::ListToTuple => {
                let v = f.stack.pop().ok_or_else(stack_underflow)?;
                let items = match &v {
                    Value::List(l) => l.snapshot(),
                    _ => self.collect(&v)?,
                };
                f.stack.push(Value::tuple(items));
            }
            Op::UnpackSequence(n) => {
                let v = f.stack.pop().ok_or_else(stack_underflow)?;
                let items = self.unpack_items(&v)?;
                let n = n as usize;
                if items.len() != n {
                    return Err(PyErr::value_error(if items.len() > n {
                        format!(
                            "too many values to unpack (expected {n}, got {})",
                            items.len()
                        )
                    } else {
                        format!(
                            "not enough values to unpack (expected {n}, got {})",
                            items.len()
                        )
                    }));
                }
                f.stack.extend(items.into_iter().rev());
            }
            Op::UnpackEx(arg) => {
                let before = (arg >> 16) as usize;
                let after = (arg & 0xffff) as usize;
                let v = f.stack.pop().ok_or_else(stack_underflow)?;
                let mut items = self.unpack_items(&v)?;
                if items.len() < before + after {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                for x in tail.into_iter().rev() {
                    f.stack.push(x);
                }
                f.stack.push(Value::list(middle));
                for x in items.into_iter().rev() {
                    f.stack.push(x);
                }
            }
            Op::FormatValue(flags) => {
                let spec = if flags & 4 != 0 {
                    match f.stack.pop().ok_or_else(stack_underflow)? {
                        Value::Str(s) => s.as_str().to_string(),
                        _ => String::new(),
                    }
                } else {
                    String::new()
                };
                let v = f.stack.pop().ok_or_else(stack_underflow)?;
                let v = match flags & 3 {
                    1 => convert(self, &v, 's')?,
                    2 => convert(self, &v, 'r')?,
                    3 => convert(self, &v, 'a')?,
                    _ => v,
                };
                let s = match (&v, spec.is_empty()) {
                    (Value::Str(_), true) => v,
                    _ => Value::string(format_value(self, &v, &spec)?),
                };
                f.stack.push(s);
            }
            _ => return Err(stack_underflow()),
        }
        Ok(Flow::Next)
    }

    fn unpack_items(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::Tuple(t) => Ok(t.to_vec()),
            Value::List(l) => Ok(l.snapshot()),
            _ => self.collect(v).map_err(|e| {
                if e.matches("TypeError") && self.iter(v).is_err() {
                    PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        v.type_name()
                    ))
                } else {
                    e
                }
            }),
        }
    }
}

impl Vm {
    /// CPython `DICT_MERGE`: a call's `**mapping` into the keywords gathered so far.
    fn dict_merge(
        &mut self,
        target: &std::rc::Rc<std::cell::RefCell<crate::lang::value::PyDict>>,
        v: &Value,
        func: Value,
    ) -> PyResult<()> {
        if !matches!(v, Value::Dict(_))
            && crate::lang::vm::protocol::user_method(v, "keys").is_none()
        {
            return Err(PyErr::type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                function_str(&func),
                v.type_name()
            )));
        }
        let tmp = Value::dict(Default::default());
        let Value::Dict(t) = &tmp else {
            return Err(stack_underflow());
        };
        self.dict_update(t, v)?;
        let keys: Vec<Value> = t.borrow().iter().map(|e| e.key.clone()).collect();
        for k in keys {
            if let Value::Str(s) = &k {
                if target.borrow().get_str(s.as_str()).is_some() {
                    return Err(PyErr::type_error(format!(
                        "{} got multiple values for keyword argument '{}'",
                        function_str(&func),
                        s.as_str()
                    )));
                }
            }
        }
        self.dict_update(target, &tmp)
    }
}

/// CPython `_PyObject_FunctionStr`: `__main__.f()`, `__main__.C.m()`, `print()`.
fn function_str(func: &Value) -> String {
    match func {
        Value::Function(f) if &*f.module == "builtins" => format!("{}()", f.qualname),
        Value::Function(f) => format!("{}.{}()", f.module, f.qualname),
        Value::BoundMethod(m) => function_str(&m.func),
        Value::Class(c) if &*c.module == "builtins" => format!("{}()", c.qualname),
        Value::Class(c) => format!("{}.{}()", c.module, c.qualname),
        Value::Builtin(b) => match b.owner {
            Some(o) => format!("{o}.{}()", b.name),
            None => format!("{}()", b.name),
        },
        _ => format!("{} object", func.type_name()),
    }
}
