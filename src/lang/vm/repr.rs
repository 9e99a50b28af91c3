//! `repr()` and `str()` of every value (CPython `PyObject_Repr`, `PyObject_Str`, the
//! types' `tp_repr`), with `[...]` for self-containing containers (`Py_ReprEnter`).
use std::rc::Rc;

use super::protocol::user_method;
use super::Vm;
use crate::lang::builtins::types;
use crate::lang::value::iter::{DictPart, PyIter};
use crate::lang::value::str::repr_str;
use crate::lang::value::{
    fake_address, float, Descriptor, Instance, PyErr, PyResult, PyStr, Value,
};

impl Vm {
    // ---- repr / str ----

    /// `repr(v)` (`PyObject_Repr`).
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => float::repr(*f),
            Value::Str(s) => repr_str(s.as_str()),
            Value::List(l) => {
                let items = l.snapshot();
                self.repr_seq(v, "[", "]", &items, false)?
            }
            Value::Tuple(t) => {
                let items = t.to_vec();
                self.repr_seq(v, "(", ")", &items, items.len() == 1)?
            }
            Value::Dict(_) => self.repr_dict(v)?,
            Value::Set(s) => {
                let items = s.borrow().values();
                if items.is_empty() {
                    "set()".into()
                } else {
                    self.repr_seq(v, "{", "}", &items, false)?
                }
            }
            Value::FrozenSet(s) => {
                let items = s.values();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({})", self.repr_seq(v, "{", "}", &items, false)?)
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let [a, b, c] = &**s;
                format!(
                    "slice({}, {}, {})",
                    self.repr(a)?,
                    self.repr(b)?,
                    self.repr(c)?
                )
            }
            Value::Iter(it) => {
                let view = match &*it.borrow() {
                    PyIter::View { dict, part } => Some((dict.clone(), *part)),
                    _ => None,
                };
                match view {
                    Some((d, part)) => {
                        let items: Vec<Value> = {
                            let d = d.borrow();
                            match part {
                                DictPart::Keys => d.keys(),
                                DictPart::Values => d.values(),
                                DictPart::Items => d
                                    .iter()
                                    .map(|e| Value::tuple(vec![e.key.clone(), e.value.clone()]))
                                    .collect(),
                            }
                        };
                        let name = it.borrow().type_name();
                        format!("{}({})", name, self.repr_seq(v, "[", "]", &items, false)?)
                    }
                    None => format!(
                        "<{} object at {}>",
                        v.type_name(),
                        fake_address(v.id() as u64 / 16)
                    ),
                }
            }
            Value::Builtin(b) => match b.owner {
                Some(o) => format!("<method '{}' of '{}' objects>", b.name, o),
                None => format!("<built-in function {}>", b.name),
            },
            Value::BoundMethod(m) => match &m.func {
                Value::Builtin(b) => {
                    let r = match &m.receiver {
                        Value::Class(c) => format!("<class '{}'>", c.display_name()),
                        other => format!(
                            "<{} object at {}>",
                            other.type_name(),
                            self.address_of(other)
                        ),
                    };
                    if matches!(m.receiver, Value::Class(_)) {
                        format!(
                            "<built-in method {} of type object at {}>",
                            b.name,
                            self.address_of(&m.receiver)
                        )
                    } else {
                        let _ = r;
                        format!(
                            "<built-in method {} of {} object at {}>",
                            b.name,
                            m.receiver.type_name(),
                            self.address_of(&m.receiver)
                        )
                    }
                }
                f => {
                    let q = self
                        .getattr(f, "__qualname__")
                        .ok()
                        .map(|q| self.to_str(&q))
                        .transpose()?
                        .unwrap_or_default();
                    format!("<bound method {} of {}>", q, self.repr(&m.receiver)?)
                }
            },
            Value::Function(f) => {
                format!("<function {} at {}>", f.qualname, fake_address(f.serial))
            }
            Value::Class(c) => format!("<class '{}'>", c.display_name()),
            Value::Instance(i) => return self.repr_instance(v, i),
            Value::Module(m) => format!("<module '{}'>", m.name.as_str()),
            Value::Descriptor(d) => match &**d {
                Descriptor::StaticMethod(f) => format!("<staticmethod({})>", self.repr(f)?),
                Descriptor::ClassMethod(f) => format!("<classmethod({})>", self.repr(f)?),
                Descriptor::Property { .. } => {
                    format!("<property object at {}>", self.address_of(v))
                }
            },
            Value::Coroutine(c) => format!(
                "<coroutine object {} at {}>",
                c.qualname(),
                fake_address(c.serial.get())
            ),
            Value::Rt(h) => crate::lang::modules::asyncio::repr(self, *h)?,
            Value::Native(n) => format!("<coroutine object {} at {}>", n.name, self.address_of(v)),
        })
    }

    /// The fake address shown for `v` in default reprs.
    pub fn address_of(&self, v: &Value) -> String {
        match v {
            Value::Instance(i) => fake_address(i.serial),
            Value::Class(c) => fake_address(c.serial),
            Value::Function(f) => fake_address(f.serial),
            other => format!("0x{:x}", other.id()),
        }
    }

    pub(crate) fn repr_instance(&mut self, v: &Value, i: &Rc<Instance>) -> PyResult<String> {
        if let Some(f) = user_method(v, "__repr__") {
            let r = self.call_method_on(&f, v, vec![])?;
            return match r {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(PyErr::type_error(format!(
                    "__repr__ returned non-string (type {})",
                    other.type_name()
                ))),
            };
        }
        if let Some(exc) = &i.exc {
            let args = exc.borrow().args.clone();
            if let Some((msg, excs)) = exc.borrow().group.clone() {
                let m = self.repr(&msg)?;
                let seq = match args.get(1) {
                    Some(v @ (Value::List(_) | Value::Tuple(_))) => v.clone(),
                    _ => Value::list(excs),
                };
                let l = self.repr(&seq)?;
                return Ok(format!("{}({}, {})", i.class.name, m, l));
            }
            let inner = if args.len() == 1 {
                self.repr(&args[0])?
            } else {
                let t = self.repr(&Value::tuple(args))?;
                t[1..t.len() - 1].trim_end_matches(',').to_string()
            };
            return Ok(format!("{}({})", i.class.name, inner));
        }
        Ok(format!(
            "<{} object at {}>",
            i.class.display_name(),
            fake_address(i.serial)
        ))
    }

    pub(crate) fn repr_seq(
        &mut self,
        owner: &Value,
        open: &str,
        close: &str,
        items: &[Value],
        trailing_comma: bool,
    ) -> PyResult<String> {
        let id = owner.id();
        if self.repr_active.contains(&id) {
            return Ok(format!("{open}...{close}"));
        }
        self.enter_native(" while getting the repr of an object")?;
        self.repr_active.push(id);
        let mut out = String::from(open);
        let mut result = Ok(());
        for (n, x) in items.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            match self.repr(x) {
                Ok(s) => out.push_str(&s),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.repr_active.retain(|&x| x != id);
        self.leave_native();
        result?;
        if trailing_comma {
            out.push(',');
        }
        out.push_str(close);
        Ok(out)
    }

    pub(crate) fn repr_dict(&mut self, v: &Value) -> PyResult<String> {
        let Value::Dict(d) = v else {
            return Ok(String::new());
        };
        let entries: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        let id = v.id();
        if self.repr_active.contains(&id) {
            return Ok("{...}".into());
        }
        self.enter_native(" while getting the repr of an object")?;
        self.repr_active.push(id);
        let mut out = String::from("{");
        let mut result = Ok(());
        for (n, (k, val)) in entries.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            match self.repr(k).and_then(|ks| Ok((ks, self.repr(val)?))) {
                Ok((ks, vs)) => {
                    out.push_str(&ks);
                    out.push_str(": ");
                    out.push_str(&vs);
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.repr_active.retain(|&x| x != id);
        self.leave_native();
        result?;
        out.push('}');
        Ok(out)
    }

    /// `str(v)` (`PyObject_Str`).
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Rt(crate::lang::modules::asyncio::RtHandle::Queue(r)) => {
                crate::lang::modules::asyncio::queue_repr(self, *r, false)
            }
            Value::Instance(i) => {
                if let Some(f) = user_method(v, "__str__") {
                    let r = self.call_method_on(&f, v, vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => Err(PyErr::type_error(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if i.exc.is_none() {
                    return self.repr(v);
                }
                match &i.exc {
                    Some(exc) => {
                        let (args, group) = {
                            let e = exc.borrow();
                            (e.args.clone(), e.group.clone())
                        };
                        if let Some((msg, excs)) = group {
                            let m = self.to_str(&msg)?;
                            let n = excs.len();
                            return Ok(format!(
                                "{m} ({n} sub-exception{})",
                                if n == 1 { "" } else { "s" }
                            ));
                        }
                        let is_key_error = i.class.is_subclass(&types::exception("KeyError"));
                        if i.class.is_subclass(&types::exception("OSError")) {
                            if let Some(s) = self.os_error_str(i)? {
                                return Ok(s);
                            }
                        }
                        match args.len() {
                            0 => Ok(String::new()),
                            1 if is_key_error => self.repr(&args[0]),
                            1 => self.to_str(&args[0]),
                            _ => self.repr(&Value::tuple(args)),
                        }
                    }
                    None => self.repr(v),
                }
            }
            _ => self.repr(v),
        }
    }

    /// `str(v)` as a `str` value, reusing `v` when it already is one.
    pub fn to_pystr(&mut self, v: &Value) -> PyResult<Rc<PyStr>> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            _ => Ok(Rc::new(PyStr::from_string(self.to_str(v)?))),
        }
    }

    /// CPython `OSError.__str__`: `[Errno 2] strerror: 'filename'` when the instance was
    /// built from `(errno, strerror[, filename])`; `None` for the plain forms.
    fn os_error_str(
        &mut self,
        i: &crate::lang::value::class::Instance,
    ) -> PyResult<Option<String>> {
        let (errno, strerror, filename) = {
            let d = i.dict.borrow();
            (
                d.get_str("errno"),
                d.get_str("strerror"),
                d.get_str("filename"),
            )
        };
        let (Some(errno), Some(strerror)) = (errno, strerror) else {
            return Ok(None);
        };
        if errno.is_none() && strerror.is_none() {
            return Ok(None);
        }
        let head = format!(
            "[Errno {}] {}",
            self.to_str(&errno)?,
            self.to_str(&strerror)?
        );
        Ok(Some(match filename {
            Some(f) if !f.is_none() => format!("{head}: {}", self.repr(&f)?),
            _ => head,
        }))
    }
}
