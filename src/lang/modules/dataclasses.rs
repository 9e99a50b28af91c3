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
    // Defaults: plain class attributes, or `field(default=..., default_factory=...)`.
    let defaults = Rc::new(RefCell::new(PyDict::new()));
    let factories = Rc::new(RefCell::new(PyDict::new()));
    let mut params = vec!["self".to_string()];
    let mut body = Vec::new();
    // `field(repr=False)` / `field(compare=False)`: left out of `__repr__` / the comparisons
    let mut in_repr = Vec::new();
    let mut in_compare = Vec::new();
    for n in &names {
        let attr = cls.dict.borrow().get_str(n);
        let flag = |k: &str, vm: &mut Vm| -> PyResult<bool> {
            match &attr {
                Some(Value::Instance(f)) if FIELD.with(|c| Rc::ptr_eq(c, &f.class)) => {
                    let v = f.dict.borrow().get_str(k);
                    v.map_or(Ok(true), |v| vm.truthy(&v))
                }
                _ => Ok(true),
            }
        };
        if flag("repr", vm)? {
            in_repr.push(n.clone());
        }
        if flag("compare", vm)? {
            in_compare.push(n.clone());
        }
        match attr {
            Some(Value::Instance(f)) if FIELD.with(|c| Rc::ptr_eq(c, &f.class)) => {
                if let Some(fac) = f.dict.borrow().get_str("default_factory") {
                    factories.borrow_mut().set_str(n, fac);
                    params.push(format!("{n}=__dc_missing"));
                    body.push(format!(
                        "    self.{n} = __dc_factories['{n}']() if {n} is __dc_missing else {n}"
                    ));
                    cls.dict.borrow_mut().del_str(n);
                    continue;
                }
                match f.dict.borrow().get_str("default") {
                    Some(d) => {
                        defaults.borrow_mut().set_str(n, d.clone());
                        cls.dict.borrow_mut().set_str(n, d);
                        params.push(format!("{n}=__dc_defaults['{n}']"));
                    }
                    None => {
                        cls.dict.borrow_mut().del_str(n);
                        params.push(n.clone());
                    }
                }
            }
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
        if !body
            .last()
            .is_some_and(|b| b.contains(&format!("self.{n} =")))
        {
            body.push(format!("    self.{n} = {n}"));
        }
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
