//! The Python object model: one enum of values, one file per builtin type (RustPython
//! `crates/vm/src/builtins/`). Operations that may call user code live in `lang::vm`.
//!
//! Invariants:
//! - `Value` is 16 bytes: a tag plus one word (inline scalars or one `Rc`).
//! - `Value::Int` holds every int that fits in `i64`; `Value::BigInt` only ints that do not
//!   (results are normalised by `int::from_bigint`), so equal ints have equal variants.
//! - `bool` is its own variant but behaves as an int subclass in arithmetic and hashing.

pub mod class;
pub mod dict;
pub mod drop;
pub mod exception;
pub mod float;
pub mod function;
pub mod int;
pub mod iter;
pub mod list;
pub mod range;
pub mod set;
pub mod str;
pub mod str_methods;
pub mod tuple;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

pub use class::{Class, Instance, TypeKind};
pub use dict::PyDict;
pub use exception::{ExcData, PyErr, PyResult};
pub use function::{Args, BoundMethod, Builtin, BuiltinFn};
pub use iter::PyIter;
pub use list::PyList;
pub use range::Range;
pub use set::PySet;
pub use str::PyStr;
pub use tuple::PyTuple;

/// A Python value. Cloning is cheap (a copy or an `Rc` increment).
#[derive(Clone)]
pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    /// Never fits in `i64` (see module invariants).
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<PyStr>),
    List(Rc<PyList>),
    Tuple(Rc<PyTuple>),
    Dict(Rc<RefCell<PyDict>>),
    Set(Rc<RefCell<PySet>>),
    FrozenSet(Rc<PySet>),
    Range(Rc<Range>),
    Slice(Rc<[Value; 3]>),
    Iter(Rc<RefCell<PyIter>>),
    Builtin(Rc<Builtin>),
    BoundMethod(Rc<BoundMethod>),
    /// A user function; its code object is defined by the compiler.
    Function(Rc<function::Function>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    /// `staticmethod`, `classmethod` and `property` wrappers.
    Descriptor(Rc<Descriptor>),
    /// A coroutine or generator object (its frame lives in the VM).
    Coroutine(Rc<function::Coroutine>),
    /// A runtime object (task, future, lock, queue...), by its id in the event loop.
    Rt(crate::lang::modules::asyncio::RtHandle),
    /// A library coroutine (`asyncio.sleep(1)`, `lock.acquire()`...): a runtime state machine
    /// the VM delegates `await` to.
    Native(Rc<crate::lang::modules::asyncio::NativeAwait>),
}

/// Wrappers created by the `staticmethod`, `classmethod` and `property` builtins.
pub enum Descriptor {
    StaticMethod(Value),
    ClassMethod(Value),
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
    },
}

/// A module object: a name and a namespace.
pub struct Module {
    pub name: Rc<PyStr>,
    pub dict: Rc<RefCell<PyDict>>,
}

thread_local! {
    static NEXT_SERIAL: Cell<u64> = const { Cell::new(1) };
}

/// A fresh serial number for an object whose default repr shows an address. Deterministic:
/// the same program prints the same fake addresses (see `fake_address`).
pub fn next_serial() -> u64 {
    NEXT_SERIAL.with(|c| {
        let v = c.get();
        c.set(v + 1);
        v
    })
}

/// Restarts serial numbers (a new program run).
pub fn reset_serials() {
    NEXT_SERIAL.with(|c| c.set(1));
}

/// The address shown in `<Foo object at 0x...>`: CPython-looking and deterministic.
pub fn fake_address(serial: u64) -> String {
    format!("0x{:x}", 0x7f3a_1c00_0000u64 + serial * 0x40)
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from_string(s)))
    }
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(PyList::new(v)))
    }
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(PyTuple::new(v)))
    }
    pub fn dict(d: PyDict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    pub fn bigint(b: BigInt) -> Value {
        int::from_bigint(b)
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The CPython type name (`type(x).__name__`).
    pub fn type_name(&self) -> Rc<str> {
        match self {
            Value::Instance(i) => i.class.name.clone(),
            _ => Rc::from(self.static_type_name()),
        }
    }

    fn static_type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::NotImplemented => "NotImplementedType",
            Value::Ellipsis => "ellipsis",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Range(_) => "range",
            Value::Slice(_) => "slice",
            Value::Iter(it) => it.borrow().type_name(),
            Value::Builtin(_) => "builtin_function_or_method",
            Value::BoundMethod(_) => "method",
            Value::Function(_) => "function",
            Value::Class(_) => "type",
            Value::Instance(_) => "object",
            Value::Module(_) => "module",
            Value::Descriptor(d) => match **d {
                Descriptor::StaticMethod(_) => "staticmethod",
                Descriptor::ClassMethod(_) => "classmethod",
                Descriptor::Property { .. } => "property",
            },
            Value::Coroutine(c) => {
                if c.is_coroutine {
                    "coroutine"
                } else if c.is_async_gen {
                    "async_generator"
                } else {
                    "generator"
                }
            }
            Value::Rt(h) => h.type_name(),
            Value::Native(_) => "coroutine",
        }
    }

    /// Identity (`is`): same variant and same object, or equal inline scalars for the
    /// singletons and small values CPython interns.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.as_str() == b.as_str() && a.len() <= 1),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (FrozenSet(a), FrozenSet(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (BoundMethod(a), BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Descriptor(a), Descriptor(b)) => Rc::ptr_eq(a, b),
            (Coroutine(a), Coroutine(b)) => Rc::ptr_eq(a, b),
            (Rt(a), Rt(b)) => a == b,
            (Native(a), Native(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// `id(x)`: stable for the object's lifetime.
    pub fn id(&self) -> i64 {
        fn p<T: ?Sized>(r: &Rc<T>) -> i64 {
            (Rc::as_ptr(r) as *const u8 as usize as i64) & 0x0000_ffff_ffff_ffff
        }
        use Value::*;
        match self {
            None => 0x1000,
            NotImplemented => 0x1010,
            Ellipsis => 0x1020,
            Bool(b) => 0x1030 + *b as i64 * 0x10,
            Int(i) => 0x10_0000_0000i64.wrapping_add(i.wrapping_mul(32)),
            Float(f) => f.to_bits() as i64 & 0x0000_ffff_ffff_ffff,
            Rt(h) => 0x2000_0000 + h.id_number() as i64 * 16,
            Native(r) => p(r),
            BigInt(r) => p(r),
            Str(r) => p(r),
            List(r) => p(r),
            Tuple(r) => p(r),
            Dict(r) => p(r),
            Set(r) => p(r),
            FrozenSet(r) => p(r),
            Range(r) => p(r),
            Slice(r) => p(r),
            Iter(r) => p(r),
            Builtin(r) => p(r),
            BoundMethod(r) => p(r),
            Function(r) => p(r),
            Class(r) => p(r),
            Instance(r) => p(r),
            Module(r) => p(r),
            Descriptor(r) => p(r),
            Coroutine(r) => p(r),
        }
    }

    /// Borrow as `&str` if this is a `str`.
    pub fn as_pystr(&self) -> Option<&Rc<PyStr>> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::string(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
