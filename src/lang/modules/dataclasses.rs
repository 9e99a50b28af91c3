//! `dataclasses.dataclass` and `field` (the common part of CPython `Lib/dataclasses.py`):
//! `__init__`, `__repr__` and `__eq__` generated as Python source and compiled, as CPython
//! does with `_create_fn`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::value::{Args, BuiltinFn, Instance, PyDict, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

thread_local! {
    /// The marker class of `field(...)` results.
    static FIELD: Rc<crate::lang::value::Class> =
        crate::lang::value::Class::new_builtin_in("Field", vec![], crate::lang::value::TypeKind::Object, "dataclasses");
}

fn field(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let inst = Instance::new(FIELD.with(|c| c.clone()));
    for k in ["default", "default_factory", "repr", "compare"] {
        if let Some(v) = args.take_kw(k) {
            inst.dict.borrow_mut().set_str(k, v);
        }
    }
    Ok(Value::Instance(inst))
}

fn dataclass(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let order_opt = args.take_kw("order");
    let _ = (
        args.take_kw("frozen"),
        args.take_kw("eq"),
        args.take_kw("slots"),
    );
    let order = match &order_opt {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let Some(Value::Class(cls)) = args.pos.first().cloned() else {
        // `@dataclass(...)` with options: the decorator with those options bound.
        let m = vm.import_module("dataclasses")?;
        let me = vm.getattr(&m, "dataclass")?;
        if !order {
            return Ok(me);
        }
        let ft = vm.import_module("functools")?;
        let partial = vm.getattr(&ft, "partial")?;
        let mut a = Args::new(vec![me]);
        a.kw.push((
            Rc::new(crate::lang::value::PyStr::new("order")),
            Value::Bool(true),
        ));
        return vm.call(&partial, a);
    };
    let names: Vec<String> = match cls.dict.borrow().get_str("__annotations__") {
        Some(Value::Dict(d)) => d
            .borrow()
            .keys()
            .iter()
            .filter_map(|k| k.as_pystr().map(|s| s.as_str().to_string()))
            .collect(),
        _ => Vec::new(),
    };
    // Each own field as a `Field` (a plain class attribute is its default); the class
    // keeps a plain default as attribute, not a `field()` object.
    let is_field =
        |v: &Value| matches!(v, Value::Instance(f) if FIELD.with(|c| Rc::ptr_eq(c, &f.class)));
    let mut fields: Vec<(String, Value)> = Vec::new();
    // Inherited fields first (CPython walks the MRO backwards over `__dataclass_fields__`).
    for base in cls.mro.iter().rev().filter(|b| !Rc::ptr_eq(b, &cls)) {
        if let Some(Value::Dict(d)) = base.dict.borrow().get_str("__dataclass_fields__") {
            let d = d.borrow();
            for (k, v) in d.keys().into_iter().zip(d.values()) {
                let Some(k) = k.as_pystr().map(|s| s.as_str().to_string()) else {
                    continue;
                };
                match fields.iter_mut().find(|(n, _)| *n == k) {
                    Some(slot) => slot.1 = v,
                    None => fields.push((k, v)),
                }
            }
        }
    }
    for n in &names {
        let attr = cls.dict.borrow().get_str(n);
        let fi = match attr {
            Some(f) if is_field(&f) => f,
            other => {
                let inst = Instance::new(FIELD.with(|c| c.clone()));
                if let Some(d) = other {
                    inst.dict.borrow_mut().set_str("default", d);
                }
                Value::Instance(inst)
            }
        };
        if let Value::Instance(f) = &fi {
            f.dict.borrow_mut().set_str("name", Value::str(n));
            match f.dict.borrow().get_str("default") {
                Some(d) if f.dict.borrow().get_str("default_factory").is_none() => {
                    cls.dict.borrow_mut().set_str(n, d)
                }
                _ => {
                    cls.dict.borrow_mut().del_str(n);
                }
            }
        }
        match fields.iter_mut().find(|(k, _)| k == n) {
            Some(slot) => slot.1 = fi,
            None => fields.push((n.clone(), fi)),
        }
    }
    {
        let all = Rc::new(RefCell::new(PyDict::new()));
        for (n, f) in &fields {
            all.borrow_mut().set_str(n, f.clone());
        }
        cls.dict
            .borrow_mut()
            .set_str("__dataclass_fields__", Value::Dict(all));
    }
    let defaults = Rc::new(RefCell::new(PyDict::new()));
    let factories = Rc::new(RefCell::new(PyDict::new()));
    let mut params = vec!["self".to_string()];
    let mut body = Vec::new();
    // `field(repr=False)` / `field(compare=False)`: left out of `__repr__` / the comparisons
    let mut in_repr = Vec::new();
    let mut in_compare = Vec::new();
    for (n, fi) in &fields {
        let Value::Instance(f) = fi else { continue };
        let get = |k: &str| f.dict.borrow().get_str(k);
        if get("repr").map_or(Ok(true), |v| vm.truthy(&v))? {
            in_repr.push(n.clone());
        }
        if get("compare").map_or(Ok(true), |v| vm.truthy(&v))? {
            in_compare.push(n.clone());
        }
        if let Some(fac) = get("default_factory") {
            factories.borrow_mut().set_str(n, fac);
            params.push(format!("{n}=__dc_missing"));
            body.push(format!(
                "    self.{n} = __dc_factories['{n}']() if {n} is __dc_missing else {n}"
            ));
            continue;
        }
        match get("default") {
            Some(d) => {
                defaults.borrow_mut().set_str(n, d);
                params.push(format!("{n}=__dc_defaults['{n}']"));
            }
            None => {
                if params.iter().any(|p| p.contains('=')) {
                    return Err(PyErr::type_error(format!(
                        "non-default argument '{n}' follows default argument"
                    )));
                }
                params.push(n.clone());
            }
        }
        body.push(format!("    self.{n} = {n}"));
    }
    if body.is_empty() {
        body.push("    pass".into());
    }
    let reprs: Vec<String> = in_repr
        .iter()
        .map(|n| format!("{n}={{self.{n}!r}}"))
        .collect();
    let fields: Vec<String> = in_compare.iter().map(|n| format!("self.{n}")).collect();
    let others: Vec<String> = in_compare.iter().map(|n| format!("other.{n}")).collect();
    let mut src = format!(
        "def __init__({}):\n{}\ndef __repr__(self):\n    return f\"{{self.__class__.__qualname__}}({})\"\ndef __eq__(self, other):\n    if other.__class__ is self.__class__:\n        return ({},) == ({},)\n    return NotImplemented\n",
        params.join(", "),
        body.join("\n"),
        reprs.join(", "),
        fields.join(", "),
        others.join(", "),
    );
    // `order=True`: the four comparisons, on the fields as tuples.
    let order_ops = [
        ("__lt__", "<"),
        ("__le__", "<="),
        ("__gt__", ">"),
        ("__ge__", ">="),
    ];
    if order {
        for (name, op) in order_ops {
            src.push_str(&format!(
                "def {name}(self, other):\n    if other.__class__ is self.__class__:\n        return ({},) {op} ({},)\n    return NotImplemented\n",
                fields.join(", "),
                others.join(", "),
            ));
        }
    }
    let globals = Rc::new(RefCell::new(PyDict::new()));
    {
        let mut g = globals.borrow_mut();
        g.set_str("__name__", Value::str(&cls.module));
        g.set_str("__dc_defaults", Value::Dict(defaults));
        g.set_str("__dc_factories", Value::Dict(factories));
        g.set_str("__dc_missing", Value::Ellipsis);
    }
    // Defined in a class body named like the dataclass, so their `__qualname__` reads
    // `Item.__init__` (CPython's `_create_fn` sets it so) in error messages.
    let body_src: String = src.lines().map(|l| format!("    {l}\n")).collect();
    let src = format!("class {}:\n{body_src}", cls.name);
    vm.exec_source(&src, "<dataclass>", globals.clone())?;
    let holder = match globals.borrow().get_str(&cls.name) {
        Some(Value::Class(h)) => h,
        _ => return Err(PyErr::runtime_error("dataclass: generated methods missing")),
    };
    let generated = ["__init__", "__repr__", "__eq__"]
        .into_iter()
        .chain(order_ops.iter().map(|(n, _)| *n).filter(|_| order));
    for m in generated {
        if cls.dict.borrow().get_str(m).is_none() || m == "__init__" {
            if let Some(f) = holder.dict.borrow().get_str(m) {
                cls.dict.borrow_mut().set_str(m, f);
            }
        }
    }
    if cls.dict.borrow().get_str("__hash__").is_none() {
        cls.dict.borrow_mut().set_str("__hash__", Value::None);
    }
    Ok(Value::Class(cls))
}

pub fn functions() -> Vec<(&'static str, BuiltinFn)> {
    vec![("dataclass", dataclass), ("field", field)]
}
