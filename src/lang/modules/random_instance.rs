//! `random.Random`: generators of their own (`Lib/random.py` `class Random`), each with a
//! Mersenne Twister kept in the VM (`Vm::random_gens`); its methods are the module's
//! functions run on that generator.

use std::cell::RefCell;
use std::rc::Rc;

use super::random::Mt;
use crate::lang::value::{Args, Builtin, BuiltinFn, Class, PyDict, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

/// The generator of a `Random` instance (`args.pos[0]`), by the index its `__init__`
/// stored as `_mt`.
fn gen_of(vm: &mut Vm, args: &Args) -> PyResult<usize> {
    let idx = match args.pos.first() {
        Some(Value::Instance(i)) => i.dict.borrow().get_str("_mt"),
        _ => None,
    };
    match idx {
        Some(Value::Int(i)) if (i as usize) < vm.random_gens.len() => Ok(i as usize),
        _ => Err(PyErr::type_error(
            "descriptor requires a 'random.Random' object",
        )),
    }
}

/// Runs module function `f` with the instance's generator as the module's generator.
fn on_instance(vm: &mut Vm, mut args: Args, f: BuiltinFn) -> PyResult<Value> {
    let idx = gen_of(vm, &args)?;
    args.pos.remove(0);
    let mine = vm.random_gens[idx].clone();
    let saved = vm.random.replace(mine);
    let r = f(vm, args);
    // `seed()` replaces the module generator: keep the new one as the instance's.
    if let Some(now) = vm.random.take() {
        vm.random_gens[idx] = now;
    }
    vm.random = saved;
    r
}

/// `Random(x=None)`: a new generator, seeded like `random.seed(x)`.
fn init(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let x = args.take_kw("x");
    args.no_more_kw("Random")?;
    if args.pos.len() > 2 {
        return Err(PyErr::type_error(
            "Random() takes at most 1 positional argument",
        ));
    }
    let Some(Value::Instance(me)) = args.pos.first().cloned() else {
        return Err(PyErr::type_error(
            "descriptor requires a 'random.Random' object",
        ));
    };
    let idx = vm.random_gens.len();
    vm.random_gens
        .push(Rc::new(RefCell::new(Mt::from_key(&[0x5eed]))));
    me.dict.borrow_mut().set_str("_mt", Value::Int(idx as i64));
    let seed_args = Args::new(
        std::iter::once(Value::Instance(me))
            .chain(x.or_else(|| args.pos.get(1).cloned()))
            .collect(),
    );
    method(vm, seed_args, "seed")
}

/// Calls module function `name` on the instance's generator.
fn method(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let f = super::random::functions()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| f)
        .ok_or_else(|| PyErr::runtime_error("internal error: no such random method"))?;
    on_instance(vm, args, f)
}

macro_rules! methods {
    ($($name:ident),*) => {
        $(
            fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                method(vm, args, stringify!($name))
            }
        )*
        const METHODS: &[(&str, BuiltinFn)] = &[("__init__", init), $((stringify!($name), $name)),*];
    };
}
methods!(
    seed,
    random,
    uniform,
    randint,
    randrange,
    choice,
    choices,
    shuffle,
    sample,
    getrandbits,
    expovariate
);

/// The `random.Random` class (a plain class, so programs may subclass it).
pub fn class() -> Value {
    let mut d = PyDict::new();
    for (name, f) in METHODS {
        d.set_str(
            name,
            Value::Builtin(Rc::new(Builtin {
                name,
                func: *f,
                owner: Some("Random"),
            })),
        );
    }
    match Class::new_user("Random", "Random", "random", vec![], d) {
        Ok(c) => Value::Class(c),
        Err(_) => Value::None,
    }
}

#[cfg(test)]
mod tests {
    fn run(src: &str) -> String {
        crate::lang::vm::tests::run(src)
    }

    #[test]
    fn instances_repeat_and_are_independent_of_the_module() {
        let out = run("import random\n\
             a = random.Random(7)\n\
             random.seed(1)\n\
             b = random.Random(7)\n\
             x = [a.randint(1, 100) for _ in range(5)]\n\
             y = [b.randint(1, 100) for _ in range(5)]\n\
             print(x == y, len(set(x)) > 1)\n\
             a.seed(3); b.seed(3)\n\
             print(a.random() == b.random())\n");
        assert_eq!(out, "True True\nTrue\n");
    }
}
