//! `enum.Enum` without metaclasses (CPython `Lib/enum.py` `EnumType`): the VM calls these
//! where `EnumType` would act — when an Enum subclass is created (its members become
//! instances), when the class is called (`Color(2)`), iterated, measured, subscripted
//! (`Color["RED"]`) or searched (`x in Color`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::value::{Class, Instance, PyDict, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

/// Whether `cls` is an enumeration with members (a subclass of `enum.Enum` that defined
/// some): its dict then holds `_member_names_`.
pub fn is_enum(cls: &Class) -> bool {
    matches!(cls.lookup("_member_names_"), Some(Value::List(_)))
}

/// Whether a new class with these bases derives from `enum.Enum` (marked `__enum_base__`).
pub fn derives_from_enum(bases: &[Rc<Class>]) -> bool {
    bases.iter().any(|b| b.lookup("__enum_base__").is_some())
}

/// The members in definition order.
pub fn members(cls: &Class) -> Vec<Value> {
    let names = match cls.lookup("_member_names_") {
        Some(Value::List(l)) => l.snapshot(),
        _ => return Vec::new(),
    };
    names
        .iter()
        .filter_map(|n| match n {
            Value::Str(s) => cls.lookup(s.as_str()),
            _ => None,
        })
        .collect()
}

/// `EnumType.__new__`: each public, non-callable class attribute becomes a member (an
/// instance with `_name_` and `_value_`); `auto()` values count up from 1; a repeated value
/// makes an alias of the first member.
pub fn create_members(vm: &mut Vm, cls: &Rc<Class>) -> PyResult<()> {
    if cls.dict.borrow().get_str("_member_names_").is_some() {
        return Ok(());
    }
    let entries: Vec<(Value, Value)> = cls
        .dict
        .borrow()
        .iter()
        .map(|e| (e.key.clone(), e.value.clone()))
        .collect();
    let mut names = Vec::new();
    let by_value = Rc::new(RefCell::new(PyDict::new()));
    let mut last_int: i64 = 0;
    for (k, v) in entries {
        let Value::Str(name) = &k else { continue };
        let n = name.as_str();
        let callable = matches!(
            v,
            Value::Function(_) | Value::Builtin(_) | Value::Descriptor(_) | Value::Class(_)
        );
        if n.starts_with('_') || callable {
            continue;
        }
        let value = match &v {
            Value::Instance(i) if &*i.class.name == "auto" => Value::Int(last_int + 1),
            other => other.clone(),
        };
        if let Value::Int(i) = value {
            last_int = i;
        }
        if let Some(existing) = vm.dict_get(&by_value, &value)? {
            cls.dict.borrow_mut().set_str(n, existing);
            continue;
        }
        let member = Instance::new(cls.clone());
        member.dict.borrow_mut().set_str("_name_", k.clone());
        member.dict.borrow_mut().set_str("_value_", value.clone());
        let member = Value::Instance(member);
        vm.dict_set(&by_value, value, member.clone())?;
        cls.dict.borrow_mut().set_str(n, member);
        names.push(k);
    }
    let mut d = cls.dict.borrow_mut();
    d.set_str("_member_names_", Value::list(names));
    d.set_str("_value2member_map_", Value::Dict(by_value));
    Ok(())
}

/// `Color(value)`: the member with that value.
pub fn by_value(vm: &mut Vm, cls: &Class, value: &Value) -> PyResult<Value> {
    if let Value::Instance(i) = value {
        if std::ptr::eq(&*i.class, cls) {
            return Ok(value.clone());
        }
    }
    if let Some(Value::Dict(d)) = cls.lookup("_value2member_map_") {
        if let Some(m) = vm.dict_get(&d, value)? {
            return Ok(m);
        }
    }
    Err(PyErr::value_error(format!(
        "{} is not a valid {}",
        vm.repr(value)?,
        cls.qualname
    )))
}

/// `Color["RED"]`: the member with that name (aliases included).
pub fn by_name(vm: &mut Vm, cls: &Class, key: &Value) -> PyResult<Value> {
    if let Value::Str(s) = key {
        if let Some(v @ Value::Instance(_)) = cls.lookup(s.as_str()) {
            if is_member_of(&v, cls) {
                return Ok(v);
            }
        }
    }
    let _ = vm;
    Err(PyErr::new(
        &crate::lang::builtins::types::exception("KeyError"),
        vec![key.clone()],
    ))
}

fn is_member_of(v: &Value, cls: &Class) -> bool {
    matches!(v, Value::Instance(i) if std::ptr::eq(&*i.class, cls) && i.dict.borrow().get_str("_name_").is_some())
}

/// `x in Color`: a member of this enumeration, or (3.12+) the value of one.
pub fn contains(vm: &mut Vm, cls: &Class, x: &Value) -> PyResult<bool> {
    if is_member_of(x, cls) {
        return Ok(true);
    }
    match cls.lookup("_value2member_map_") {
        // Unhashable values are simply not values of members.
        Some(Value::Dict(d)) => Ok(vm.dict_get(&d, x).ok().flatten().is_some()),
        _ => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    fn run(src: &str) -> String {
        crate::lang::vm::tests::run(src)
    }

    #[test]
    fn members_lookups_and_aliases() {
        let src = "from enum import Enum, auto\n\
class S(Enum):\n    A = auto()\n    B = auto()\n    C = 2\n\
print(list(S), S(1), S['B'], S.C is S.B, len(S), S.A in S, 2 in S, 5 in S)\n\
try:\n    S(7)\nexcept ValueError as e:\n    print(e)\n";
        assert_eq!(
            run(src),
            "[<S.A: 1>, <S.B: 2>] S.A S.B True 2 True True False\n7 is not a valid S\n"
        );
    }
}
