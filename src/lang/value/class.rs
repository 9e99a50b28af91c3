//! Classes and instances: `type` objects with a C3 MRO, instances with a `__dict__`
//! (CPython `Objects/typeobject.c`: `mro_implementation`, `_PyType_Lookup`).

use std::cell::RefCell;
use std::rc::Rc;

use super::exception::ExcData;
use super::{PyDict, PyErr, PyResult, Value};

/// The built-in layout an instance of a class has; user classes inherit their base's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Iterator,
    Function,
    Builtin,
    Method,
    Module,
    Descriptor,
    Coroutine,
    Handle,
    /// `BaseException` and every subclass: instances carry `ExcData`.
    Exception,
    /// `super` proxies (`__thisclass__` and `__self__` in the instance dict).
    Super,
}

/// A class (`type` instance). Invariant: `mro[0]` is the class itself is NOT stored (it would
/// be an `Rc` cycle); `mro` holds the ancestors in C3 order, ending with `object`
/// (empty for `object` itself).
pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    pub mro: Vec<Rc<Class>>,
    pub dict: RefCell<PyDict>,
    pub kind: TypeKind,
    /// Built-in types reject attribute assignment (`cannot set 'x' attribute of immutable type`).
    pub builtin: bool,
    pub serial: u64,
}

/// An instance of a user class or of an exception class.
pub struct Instance {
    pub class: Rc<Class>,
    pub dict: RefCell<PyDict>,
    /// Present exactly when `class.kind == TypeKind::Exception`.
    pub exc: Option<RefCell<ExcData>>,
    pub serial: u64,
}

impl Class {
    /// A built-in type with no methods yet (the registry fills its dict).
    pub fn new_builtin(name: &str, bases: Vec<Rc<Class>>, kind: TypeKind) -> Rc<Class> {
        let mro = c3_mro(&bases).unwrap_or_default();
        Rc::new(Class {
            name: Rc::from(name),
            qualname: Rc::from(name),
            module: Rc::from("builtins"),
            bases,
            mro,
            dict: RefCell::new(PyDict::new()),
            kind,
            builtin: true,
            serial: super::next_serial(),
        })
    }

    /// A built-in type living in module `module` (asyncio's classes).
    pub fn new_builtin_in(
        name: &str,
        bases: Vec<Rc<Class>>,
        kind: TypeKind,
        module: &str,
    ) -> Rc<Class> {
        let mro = c3_mro(&bases).unwrap_or_default();
        Rc::new(Class {
            name: Rc::from(name),
            qualname: Rc::from(name),
            module: Rc::from(module),
            bases,
            mro,
            dict: RefCell::new(PyDict::new()),
            kind,
            builtin: true,
            serial: super::next_serial(),
        })
    }

    /// A class from a `class` statement. Errors follow `type.__new__`.
    pub fn new_user(
        name: &str,
        qualname: &str,
        module: &str,
        bases: Vec<Rc<Class>>,
        dict: PyDict,
    ) -> PyResult<Rc<Class>> {
        let bases = if bases.is_empty() {
            vec![super::class::types_object()]
        } else {
            bases
        };
        let mut kind = TypeKind::Object;
        for b in &bases {
            match b.kind {
                TypeKind::Object => {}
                TypeKind::Exception => kind = TypeKind::Exception,
                _ => {
                    return Err(PyErr::not_implemented(format!(
                        "subclassing the built-in type '{}' is not supported",
                        b.name
                    )))
                }
            }
        }
        let mro = c3_mro(&bases)?;
        Ok(Rc::new(Class {
            name: Rc::from(name),
            qualname: Rc::from(qualname),
            module: Rc::from(module),
            bases,
            mro,
            dict: RefCell::new(dict),
            kind,
            builtin: false,
            serial: super::next_serial(),
        }))
    }

    /// Looks `name` up along the MRO (`_PyType_Lookup`).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get_str(name) {
            return Some(v);
        }
        for c in &self.mro {
            if let Some(v) = c.dict.borrow().get_str(name) {
                return Some(v);
            }
        }
        None
    }

    /// Like `lookup`, also returning the class that defines the attribute.
    pub fn lookup_with_owner(self: &Rc<Class>, name: &str) -> Option<(Value, Rc<Class>)> {
        if let Some(v) = self.dict.borrow().get_str(name) {
            return Some((v, self.clone()));
        }
        for c in &self.mro {
            if let Some(v) = c.dict.borrow().get_str(name) {
                return Some((v, c.clone()));
            }
        }
        None
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass(&self, other: &Rc<Class>) -> bool {
        std::ptr::eq(self, Rc::as_ptr(other)) || self.mro.iter().any(|c| Rc::ptr_eq(c, other))
    }

    /// The full MRO including the class itself (`cls.__mro__`).
    pub fn full_mro(self: &Rc<Class>) -> Vec<Rc<Class>> {
        let mut v = vec![self.clone()];
        v.extend(self.mro.iter().cloned());
        v
    }

    /// `module.qualname` as shown in reprs (`__main__.Foo`), or the bare name for builtins.
    pub fn display_name(&self) -> String {
        if &*self.module == "builtins" {
            self.qualname.to_string()
        } else {
            format!("{}.{}", self.module, self.qualname)
        }
    }
}

impl Instance {
    pub fn new(class: Rc<Class>) -> Rc<Instance> {
        let exc = if class.kind == TypeKind::Exception {
            Some(RefCell::new(ExcData::default()))
        } else {
            None
        };
        Rc::new(Instance {
            class,
            dict: RefCell::new(PyDict::new()),
            exc,
            serial: super::next_serial(),
        })
    }
}

/// C3 linearisation of the bases' MROs (`mro_implementation` / `pmerge`).
fn c3_mro(bases: &[Rc<Class>]) -> PyResult<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.full_mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)));
            if !in_tail {
                chosen = Some(cand.clone());
                break;
            }
        }
        let Some(c) = chosen else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// `object`, the root class.
pub fn types_object() -> Rc<Class> {
    crate::lang::builtins::types::with(|t| t.object.clone())
}
