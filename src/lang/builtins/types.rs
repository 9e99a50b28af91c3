//! The built-in type objects (`int`, `str`, ..., the exception classes), created once per
//! thread and immutable afterwards, like CPython's static types (`Objects/object.c`
//! `_PyTypes_InitTypes`).

use std::collections::HashMap;
use std::rc::Rc;

use crate::lang::value::exception::HIERARCHY;
use crate::lang::value::iter::PyIter;
use crate::lang::value::{Builtin, BuiltinFn, Class, TypeKind, Value};

/// Every built-in class.
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub int: Rc<Class>,
    pub bool_: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub property: Rc<Class>,
    pub super_: Rc<Class>,
    pub coroutine: Rc<Class>,
    pub generator: Rc<Class>,
    pub async_generator: Rc<Class>,
    pub enumerate: Rc<Class>,
    pub zip: Rc<Class>,
    pub map: Rc<Class>,
    pub filter: Rc<Class>,
    pub reversed: Rc<Class>,
    pub iterator: Rc<Class>,
    pub dict_keys: Rc<Class>,
    pub dict_values: Rc<Class>,
    pub dict_items: Rc<Class>,
    pub task: Rc<Class>,
    pub future: Rc<Class>,
    pub exceptions: HashMap<&'static str, Rc<Class>>,
    /// asyncio's classes of runtime objects (`Task`, `Lock`, `Queue`...), by name.
    pub asyncio: HashMap<&'static str, Rc<Class>>,
}

thread_local! {
    static TYPES: Types = Types::build();
}

/// Runs `f` with the built-in types.
pub fn with<R>(f: impl FnOnce(&Types) -> R) -> R {
    TYPES.with(f)
}

/// The built-in exception class `name` (a name from `HIERARCHY`; unknown names give
/// `Exception`, which is a bug in our code, caught by a debug assertion).
pub fn exception(name: &str) -> Rc<Class> {
    with(|t| match t.exceptions.get(name) {
        Some(c) => c.clone(),
        None => {
            debug_assert!(false, "unknown built-in exception {name}");
            t.exceptions
                .get("Exception")
                .cloned()
                .unwrap_or_else(|| t.object.clone())
        }
    })
}

/// `type(v)`.
pub fn type_of(v: &Value) -> Rc<Class> {
    if let Value::Instance(i) = v {
        return i.class.clone();
    }
    with(|t| {
        match v {
            Value::None => &t.none,
            Value::NotImplemented => &t.not_implemented,
            Value::Ellipsis => &t.ellipsis,
            Value::Bool(_) => &t.bool_,
            Value::Int(_) | Value::BigInt(_) => &t.int,
            Value::Float(_) => &t.float,
            Value::Str(_) => &t.str_,
            Value::List(_) => &t.list,
            Value::Tuple(_) => &t.tuple,
            Value::Dict(_) => &t.dict,
            Value::Set(_) => &t.set,
            Value::FrozenSet(_) => &t.frozenset,
            Value::Range(_) => &t.range,
            Value::Slice(_) => &t.slice,
            Value::Iter(it) => match &*it.borrow() {
                PyIter::Enumerate { .. } => &t.enumerate,
                PyIter::Zip { .. } => &t.zip,
                PyIter::Map { .. } => &t.map,
                PyIter::Filter { .. } => &t.filter,
                PyIter::Values { .. } => &t.reversed,
                PyIter::View { part, .. } => match part {
                    crate::lang::value::iter::DictPart::Keys => &t.dict_keys,
                    crate::lang::value::iter::DictPart::Values => &t.dict_values,
                    crate::lang::value::iter::DictPart::Items => &t.dict_items,
                },
                _ => &t.iterator,
            },
            Value::Builtin(_) => &t.builtin,
            Value::BoundMethod(_) => &t.method,
            Value::Function(_) => &t.function,
            Value::Class(_) => &t.type_,
            Value::Module(_) => &t.module,
            Value::Descriptor(d) => match &**d {
                crate::lang::value::Descriptor::StaticMethod(_) => &t.staticmethod,
                crate::lang::value::Descriptor::ClassMethod(_) => &t.classmethod,
                crate::lang::value::Descriptor::Property { .. } => &t.property,
            },
            Value::Coroutine(c) if c.is_coroutine => &t.coroutine,
            Value::Coroutine(c) if c.is_async_gen => &t.async_generator,
            Value::Coroutine(_) => &t.generator,
            Value::Rt(h) => {
                return t
                    .asyncio
                    .get(h.type_name())
                    .cloned()
                    .unwrap_or_else(|| t.future.clone())
            }
            Value::Native(_) => &t.coroutine,
            Value::Instance(_) => &t.object,
        }
        .clone()
    })
}

fn add_methods(cls: &Rc<Class>, owner: &'static str, methods: Vec<(&'static str, BuiltinFn)>) {
    let mut d = cls.dict.borrow_mut();
    for (name, func) in methods {
        d.set_str(
            name,
            Value::Builtin(Rc::new(Builtin {
                name,
                func,
                owner: Some(owner),
            })),
        );
    }
}

impl Types {
    fn build() -> Types {
        let object = Class::new_builtin("object", vec![], TypeKind::Object);
        let o = || vec![object.clone()];
        let mk = |name: &str, kind| Class::new_builtin(name, o(), kind);
        let int = mk("int", TypeKind::Int);
        let bool_ = Class::new_builtin("bool", vec![int.clone()], TypeKind::Bool);
        let mut exceptions: HashMap<&'static str, Rc<Class>> = HashMap::new();
        for (name, base) in HIERARCHY {
            let parent = if *base == "object" {
                object.clone()
            } else {
                exceptions
                    .get(base)
                    .cloned()
                    .unwrap_or_else(|| object.clone())
            };
            let mut bases = vec![parent];
            if *name == "ExceptionGroup" {
                if let Some(e) = exceptions.get("Exception") {
                    bases.push(e.clone());
                }
            }
            let c = Class::new_builtin(name, bases, TypeKind::Exception);
            exceptions.insert(name, c);
        }
        let t = Types {
            type_: mk("type", TypeKind::Type),
            none: mk("NoneType", TypeKind::NoneType),
            not_implemented: mk("NotImplementedType", TypeKind::NotImplementedType),
            ellipsis: mk("ellipsis", TypeKind::Ellipsis),
            float: mk("float", TypeKind::Float),
            str_: mk("str", TypeKind::Str),
            list: mk("list", TypeKind::List),
            tuple: mk("tuple", TypeKind::Tuple),
            dict: mk("dict", TypeKind::Dict),
            set: mk("set", TypeKind::Set),
            frozenset: mk("frozenset", TypeKind::FrozenSet),
            range: mk("range", TypeKind::Range),
            slice: mk("slice", TypeKind::Slice),
            function: mk("function", TypeKind::Function),
            builtin: mk("builtin_function_or_method", TypeKind::Builtin),
            method: mk("method", TypeKind::Method),
            module: mk("module", TypeKind::Module),
            staticmethod: mk("staticmethod", TypeKind::Descriptor),
            classmethod: mk("classmethod", TypeKind::Descriptor),
            property: mk("property", TypeKind::Descriptor),
            super_: mk("super", TypeKind::Super),
            coroutine: mk("coroutine", TypeKind::Coroutine),
            generator: mk("generator", TypeKind::Coroutine),
            async_generator: mk("async_generator", TypeKind::Coroutine),
            enumerate: mk("enumerate", TypeKind::Iterator),
            zip: mk("zip", TypeKind::Iterator),
            map: mk("map", TypeKind::Iterator),
            filter: mk("filter", TypeKind::Iterator),
            reversed: mk("reversed", TypeKind::Iterator),
            iterator: mk("iterator", TypeKind::Iterator),
            dict_keys: mk("dict_keys", TypeKind::Iterator),
            dict_values: mk("dict_values", TypeKind::Iterator),
            dict_items: mk("dict_items", TypeKind::Iterator),
            task: mk("Task", TypeKind::Handle),
            future: mk("Future", TypeKind::Handle),
            object,
            int,
            bool_,
            exceptions,
            asyncio: HashMap::new(),
        };
        let mut t = t;
        add_methods(
            &t.async_generator,
            "async_generator",
            super::objects::async_gen_methods(),
        );
        for (name, methods) in crate::lang::modules::asyncio::class_methods() {
            // the modules CPython defines them in (`<class 'asyncio.locks.Lock'>`)
            let module = match name {
                "Task" | "Future" => "_asyncio",
                "Lock" | "Event" | "Semaphore" | "BoundedSemaphore" | "Condition" | "Barrier" => {
                    "asyncio.locks"
                }
                "Queue" => "asyncio.queues",
                "TaskGroup" => "asyncio.taskgroups",
                "Timeout" => "asyncio.timeouts",
                "Handle" | "TimerHandle" => "asyncio.events",
                "_AsCompletedIterator" => "asyncio.tasks",
                _ => "asyncio",
            };
            let c = Class::new_builtin_in(name, vec![t.object.clone()], TypeKind::Handle, module);
            add_methods(&c, name, methods);
            t.asyncio.insert(name, c);
        }
        for name in crate::lang::value::exception::ASYNCIO_EXCEPTIONS {
            if let Some(c) = t.exceptions.get(name).cloned() {
                let module = if name.starts_with("Queue") {
                    "asyncio.queues"
                } else {
                    "asyncio.exceptions"
                };
                let moved =
                    Class::new_builtin_in(name, c.bases.clone(), TypeKind::Exception, module);
                t.exceptions.insert(name, moved);
            }
        }
        add_methods(&t.object, "object", super::objects::object_methods());
        add_methods(&t.int, "int", super::objects::int_methods());
        add_methods(&t.float, "float", super::objects::float_methods());
        add_methods(&t.str_, "str", crate::lang::value::str_methods::methods());
        add_methods(&t.list, "list", crate::lang::value::list::methods());
        add_methods(&t.tuple, "tuple", crate::lang::value::tuple::methods());
        add_methods(&t.dict, "dict", super::dicts::methods());
        add_methods(&t.set, "set", super::sets::methods(true));
        add_methods(&t.frozenset, "frozenset", super::sets::methods(false));
        add_methods(&t.property, "property", super::objects::property_methods());
        add_methods(
            &t.generator,
            "generator",
            super::objects::generator_methods(),
        );
        add_methods(
            &t.coroutine,
            "coroutine",
            super::objects::coroutine_methods(),
        );
        if let Some(c) = t.exceptions.get("BaseException") {
            add_methods(c, "BaseException", super::objects::exception_methods());
        }
        if let Some(c) = t.exceptions.get("BaseExceptionGroup") {
            add_methods(c, "BaseExceptionGroup", super::objects::group_methods());
        }
        t
    }
}
