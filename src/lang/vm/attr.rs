//! Attribute access: the generic lookup order, `super`, exceptions' own attributes
//! (CPython `PyObject_GenericGetAttr`, `super_getattro`, `PyObject_SetAttr`).
use std::rc::Rc;

use super::protocol::{bind, user_method};
use super::Vm;
use crate::lang::builtins::types;
use crate::lang::value::{
    int, BoundMethod, Descriptor, Instance, PyErr, PyResult, TypeKind, Value,
};

impl Vm {
    // ---- attributes ----

    /// `getattr(obj, name)` (`PyObject_GetAttr` with the generic lookup order: data
    /// descriptors on the type, the instance dict, then the type's attributes, bound).
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                if let Value::Instance(_) = obj {
                    if let Some(f) = user_method(obj, "__getattr__") {
                        return self.call_method_on(&f, obj, vec![Value::str(name)]);
                    }
                }
                Err(self.no_attribute(obj, name))
            }
        }
    }

    /// The `AttributeError` for a missing attribute, in CPython's words.
    pub fn no_attribute(&self, obj: &Value, name: &str) -> PyErr {
        match obj {
            Value::Class(c) => PyErr::attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                c.name, name
            )),
            Value::Module(m) if m.name.as_str() == "asyncio" => {
                match crate::lang::modules::unsupported::asyncio_reason(name) {
                    Some(why) => PyErr::not_implemented(why),
                    None => PyErr::attribute_error(format!(
                        "module 'asyncio' has no attribute '{name}'"
                    )),
                }
            }
            Value::Module(m) => PyErr::attribute_error(format!(
                "module '{}' has no attribute '{}'",
                m.name.as_str(),
                name
            )),
            Value::Rt(crate::lang::modules::asyncio::RtHandle::Loop) => {
                match crate::lang::modules::unsupported::asyncio_reason(name) {
                    Some(why) => PyErr::not_implemented(why.replacen("asyncio.", "loop.", 1)),
                    None => PyErr::attribute_error(format!(
                        "'_UnixSelectorEventLoop' object has no attribute '{name}'"
                    )),
                }
            }
            _ => PyErr::attribute_error(format!(
                "'{}' object has no attribute '{}'",
                obj.type_name(),
                name
            )),
        }
    }

    /// Attribute lookup that reports absence as `None` instead of raising.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) if inst.class.kind == TypeKind::Super => {
                self.super_getattr(inst, name)
            }
            Value::Instance(inst) => {
                if name == "__class__" {
                    return Ok(Some(Value::Class(inst.class.clone())));
                }
                if name == "__dict__" {
                    return Ok(Some(Value::dict(inst.dict.borrow().clone())));
                }
                let class_attr = inst.class.lookup(name);
                if let Some(Value::Descriptor(d)) = &class_attr {
                    if let Descriptor::Property { fget, .. } = &**d {
                        if fget.is_none() {
                            return Err(PyErr::attribute_error(format!(
                                "property '{}' of '{}' object has no getter",
                                name, inst.class.name
                            )));
                        }
                        let f = fget.clone();
                        return self.call_method_on(&f, obj, vec![]).map(Some);
                    }
                }
                if let Some(exc) = &inst.exc {
                    if let Some(v) = crate::lang::value::exception::get_attr(exc, name) {
                        return Ok(Some(v));
                    }
                    if name == "value" && inst.class.is_subclass(&types::exception("StopIteration"))
                    {
                        // `StopIteration.value`: as assigned, else its first argument or None
                        let set = inst.dict.borrow().get_str(name);
                        let a = set.or_else(|| exc.borrow().args.first().cloned());
                        return Ok(Some(a.unwrap_or(Value::None)));
                    }
                    if name == "code" && inst.class.is_subclass(&types::exception("SystemExit")) {
                        // `SystemExit.code`: None, the only argument, or the args tuple
                        let a = exc.borrow().args.clone();
                        return Ok(Some(match a.len() {
                            0 => Value::None,
                            1 => a[0].clone(),
                            _ => Value::tuple(a),
                        }));
                    }
                }
                if let Some(v) = inst.dict.borrow().get_str(name) {
                    return Ok(Some(v));
                }
                Ok(class_attr.map(|a| bind(a, obj, &inst.class)))
            }
            Value::Class(c) => {
                match name {
                    "__name__" => return Ok(Some(Value::str(&c.name))),
                    "__qualname__" => return Ok(Some(Value::str(&c.qualname))),
                    "__module__" => return Ok(Some(Value::str(&c.module))),
                    "__mro__" => {
                        return Ok(Some(Value::tuple(
                            c.full_mro().into_iter().map(Value::Class).collect(),
                        )))
                    }
                    "__bases__" => {
                        return Ok(Some(Value::tuple(
                            c.bases.iter().cloned().map(Value::Class).collect(),
                        )))
                    }
                    "__base__" => {
                        return Ok(Some(
                            c.bases
                                .first()
                                .cloned()
                                .map(Value::Class)
                                .unwrap_or(Value::None),
                        ))
                    }
                    "__dict__" => return Ok(Some(Value::dict(c.dict.borrow().clone()))),
                    "__class__" => return Ok(Some(Value::Class(types::with(|t| t.type_.clone())))),
                    "__doc__" if c.lookup("__doc__").is_none() => return Ok(Some(Value::None)),
                    _ => {}
                }
                Ok(c.lookup(name).map(|a| match a {
                    Value::Descriptor(d) => match &*d {
                        Descriptor::ClassMethod(f) => Value::BoundMethod(Rc::new(BoundMethod {
                            receiver: obj.clone(),
                            func: f.clone(),
                        })),
                        Descriptor::StaticMethod(f) => f.clone(),
                        _ => Value::Descriptor(d.clone()),
                    },
                    other => other,
                }))
            }
            Value::Module(m) => {
                if name == "__name__" {
                    return Ok(Some(Value::Str(m.name.clone())));
                }
                if name == "__dict__" {
                    return Ok(Some(Value::Dict(m.dict.clone())));
                }
                Ok(m.dict.borrow().get_str(name))
            }
            Value::Function(f) if f.dict.borrow().get_str(name).is_some() => {
                Ok(f.dict.borrow().get_str(name))
            }
            Value::Function(f) => Ok(match name {
                "__name__" => Some(Value::str(&f.name)),
                "__qualname__" => Some(Value::str(&f.qualname)),
                "__module__" => Some(Value::str(&f.module)),
                "__doc__" => Some(f.dict.borrow().get_str("__doc__").unwrap_or(Value::None)),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                "__class__" => Some(Value::Class(types::type_of(obj))),
                _ => f.dict.borrow().get_str(name),
            }),
            Value::Builtin(b) => Ok(match name {
                "__name__" | "__qualname__" => Some(Value::str(b.name)),
                "__class__" => Some(Value::Class(types::type_of(obj))),
                _ => None,
            }),
            Value::BoundMethod(m) => Ok(match name {
                "__self__" => Some(m.receiver.clone()),
                "__func__" => Some(m.func.clone()),
                "__class__" => Some(Value::Class(types::type_of(obj))),
                _ => return self.getattr_opt(&m.func.clone(), name),
            }),
            Value::Coroutine(c) => Ok(match name {
                "__qualname__" => Some(Value::str(c.qualname())),
                "__name__" => Some(Value::str(
                    c.qualname().rsplit('.').next().unwrap_or_default(),
                )),
                "__class__" => Some(Value::Class(types::type_of(obj))),
                _ => {
                    let cls = types::type_of(obj);
                    cls.lookup(name).map(|a| bind(a, obj, &cls))
                }
            }),
            _ => {
                let cls = types::type_of(obj);
                if name == "__class__" {
                    return Ok(Some(Value::Class(cls)));
                }
                if let Value::Rt(h) = obj {
                    if let Some(v) = crate::lang::modules::asyncio::rt_attr(self, *h, name)? {
                        return Ok(Some(v));
                    }
                }
                if let (Value::Slice(s), "start" | "stop" | "step") = (obj, name) {
                    let i = ["start", "stop", "step"]
                        .iter()
                        .position(|n| *n == name)
                        .unwrap_or(0);
                    return Ok(Some(s[i].clone()));
                }
                if let (Value::Range(r), "start" | "stop" | "step") = (obj, name) {
                    return Ok(Some(Value::Int(match name {
                        "start" => r.start,
                        "stop" => r.stop,
                        _ => r.step,
                    })));
                }
                if let (Some(_), "real" | "numerator") = (int::int_of(obj), name) {
                    return Ok(Some(obj.clone()));
                }
                if let (Some(_), "imag") | (Some(_), "denominator") = (int::int_of(obj), name) {
                    return Ok(Some(Value::Int(if name == "imag" { 0 } else { 1 })));
                }
                if let (Value::Float(f), "real" | "imag") = (obj, name) {
                    return Ok(Some(Value::Float(if name == "real" { *f } else { 0.0 })));
                }
                Ok(cls.lookup(name).map(|a| bind(a, obj, &cls)))
            }
        }
    }

    /// Attribute lookup on a `super` proxy (`super_getattro`): the MRO of `__self__`'s
    /// type after `__thisclass__`, bound to `__self__`.
    pub(crate) fn super_getattr(
        &mut self,
        proxy: &Rc<Instance>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let (this, obj) = {
            let d = proxy.dict.borrow();
            (d.get_str("__thisclass__"), d.get_str("__self__"))
        };
        let (Some(Value::Class(this)), Some(obj)) = (this, obj) else {
            return Ok(None);
        };
        let start = match &obj {
            Value::Class(c) => c.clone(),
            other => types::type_of(other),
        };
        let mro = start.full_mro();
        let pos = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, &this))
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for c in &mro[pos..] {
            let found = c.dict.borrow().get_str(name);
            if let Some(attr) = found {
                return Ok(Some(match (&obj, attr) {
                    (Value::Class(_), Value::Descriptor(d)) => match &*d {
                        Descriptor::ClassMethod(f) => Value::BoundMethod(Rc::new(BoundMethod {
                            receiver: obj.clone(),
                            func: f.clone(),
                        })),
                        Descriptor::StaticMethod(f) => f.clone(),
                        _ => Value::Descriptor(d.clone()),
                    },
                    (Value::Class(_), other) => other,
                    (_, Value::Descriptor(d)) if matches!(&*d, Descriptor::Property { .. }) => {
                        if let Descriptor::Property { fget, .. } = &*d {
                            let f = fget.clone();
                            return self.call_method_on(&f, &obj, vec![]).map(Some);
                        }
                        Value::None
                    }
                    (_, attr) => bind(attr, &obj, &start),
                }));
            }
        }
        Ok(None)
    }

    /// `setattr(obj, name, value)` (`PyObject_SetAttr`).
    pub fn setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Descriptor(d)) = inst.class.lookup(name) {
                    if let Descriptor::Property { fset, .. } = &*d {
                        if fset.is_none() {
                            return Err(PyErr::attribute_error(format!(
                                "property '{}' of '{}' object has no setter",
                                name, inst.class.name
                            )));
                        }
                        let f = fset.clone();
                        self.call_method_on(&f, obj, vec![value])?;
                        return Ok(());
                    }
                }
                if let Some(f) = user_method(obj, "__setattr__") {
                    self.call_method_on(&f, obj, vec![Value::str(name), value])?;
                    return Ok(());
                }
                if let Some(exc) = &inst.exc {
                    if crate::lang::value::exception::set_attr(exc, name, &value)? {
                        return Ok(());
                    }
                }
                inst.dict.borrow_mut().set_str(name, value);
                Ok(())
            }
            Value::Class(c) if !c.builtin => {
                c.dict.borrow_mut().set_str(name, value);
                Ok(())
            }
            Value::Class(c) => Err(PyErr::type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name, c.name
            ))),
            Value::Module(m) => {
                m.dict.borrow_mut().set_str(name, value);
                Ok(())
            }
            Value::Function(f) => {
                f.dict.borrow_mut().set_str(name, value);
                Ok(())
            }
            _ => {
                let has = types::type_of(obj).lookup(name).is_some();
                Err(PyErr::attribute_error(if has {
                    format!(
                        "'{}' object attribute '{}' is read-only",
                        obj.type_name(),
                        name
                    )
                } else {
                    format!("'{}' object has no attribute '{}' and no __dict__ for setting new attributes", obj.type_name(), name)
                }))
            }
        }
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let removed = match obj {
            Value::Instance(i) => i.dict.borrow_mut().del_str(name),
            Value::Class(c) if !c.builtin => c.dict.borrow_mut().del_str(name),
            Value::Module(m) => m.dict.borrow_mut().del_str(name),
            _ => None,
        };
        match removed {
            Some(_) => Ok(()),
            None => Err(self.no_attribute(obj, name)),
        }
    }
}
