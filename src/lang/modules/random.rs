//! `random`: CPython's Mersenne Twister with its seeding and derivations, so a seeded
//! program draws the same numbers as CPython (`Modules/_randommodule.c`, `Lib/random.py`).

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::Sign;

use crate::lang::value::int::{self, int_of};
use crate::lang::value::{Args, BuiltinFn, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

const N: usize = 624;
const M: usize = 397;

/// MT19937 state (`RandomObject`).
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1812433253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt {
            state: mt,
            index: N,
        }
    }

    /// `init_by_array`.
    pub fn from_key(key: &[u32]) -> Mt {
        let mut g = Mt::init_genrand(19650218);
        let mt = &mut g.state;
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let k = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1664525))
                .wrapping_add(k)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        g
    }

    /// `genrand_uint32`.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N {
                let y = (mt[kk] & 0x8000_0000) | (mt[(kk + 1) % N] & 0x7fff_ffff);
                let mut v = mt[(kk + M) % N] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908_b0df;
                }
                mt[kk] = v;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53-bit float in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for `k <= 64`.
    pub fn getrandbits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        let lo = self.next_u32() as u64;
        let hi = (self.next_u32() >> (64 - k)) as u64;
        lo | (hi << 32)
    }

    /// `_randbelow_with_getrandbits(n)`, `n > 0`.
    pub fn randbelow(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        let mut r = self.getrandbits(k);
        while r >= n {
            r = self.getrandbits(k);
        }
        r
    }
}

thread_local! {
    static GEN: RefCell<Option<Rc<RefCell<Mt>>>> = const { RefCell::new(None) };
}

pub(crate) fn gen(vm: &mut Vm) -> Rc<RefCell<Mt>> {
    vm.random
        .get_or_insert_with(|| Rc::new(RefCell::new(Mt::from_key(&[0x5eed]))))
        .clone()
}

fn seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let key: Vec<u32> = match args.pos.first() {
        None | Some(Value::None) => vec![0x5eed],
        Some(v) => match int_of(v) {
            Some(i) => {
                let (_, digits) = i.to_big().to_u32_digits();
                let _ = Sign::NoSign;
                if digits.is_empty() {
                    vec![0]
                } else {
                    digits
                }
            }
            None => {
                let h = vm.hash(v)?;
                vec![(h as u64 & 0xffff_ffff) as u32, ((h as u64) >> 32) as u32]
            }
        },
    };
    vm.random = Some(Rc::new(RefCell::new(Mt::from_key(&key))));
    Ok(Value::None)
}

fn random(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(gen(vm).borrow_mut().random()))
}

fn num(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        o => int_of(o)
            .map(|i| i.to_f64())
            .transpose()?
            .ok_or_else(|| PyErr::type_error("must be real number")),
    }
}

fn uniform(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("uniform", 2, 2)?;
    let (a, b) = (num(&args.pos[0])?, num(&args.pos[1])?);
    Ok(Value::Float(a + (b - a) * gen(vm).borrow_mut().random()))
}

fn randrange_impl(vm: &mut Vm, start: i64, stop: i64, step: i64) -> PyResult<Value> {
    let width = stop as i128 - start as i128;
    if step == 1 {
        if width <= 0 {
            return Err(PyErr::value_error(format!(
                "empty range in randrange({start}, {stop})"
            )));
        }
        let r = gen(vm).borrow_mut().randbelow(width as u64);
        return Ok(Value::Int(start + r as i64));
    }
    if step == 0 {
        return Err(PyErr::value_error("zero step for randrange()"));
    }
    let n = if step > 0 {
        (width + step as i128 - 1) / step as i128
    } else {
        (width + step as i128 + 1) / step as i128
    };
    if n <= 0 {
        return Err(PyErr::value_error(format!(
            "empty range in randrange({start}, {stop}, {step})"
        )));
    }
    let r = gen(vm).borrow_mut().randbelow(n as u64);
    Ok(Value::Int(start + step * r as i64))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.index_i64(v)
}

fn randint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("randint", 2, 2)?;
    let a = int_arg(vm, &args.pos[0])?;
    let b = int_arg(vm, &args.pos[1])?;
    randrange_impl(vm, a, b + 1, 1)
}

fn randrange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("randrange", 1, 3)?;
    let a = int_arg(vm, &args.pos[0])?;
    match args.pos.len() {
        1 => randrange_impl(vm, 0, a, 1),
        2 => {
            let b = int_arg(vm, &args.pos[1])?;
            randrange_impl(vm, a, b, 1)
        }
        _ => {
            let b = int_arg(vm, &args.pos[1])?;
            let s = int_arg(vm, &args.pos[2])?;
            randrange_impl(vm, a, b, s)
        }
    }
}

fn choice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("choice", 1, 1)?;
    let n = vm.len(&args.pos[0])?;
    if n == 0 {
        return Err(PyErr::index_error("Cannot choose from an empty sequence"));
    }
    let i = gen(vm).borrow_mut().randbelow(n as u64);
    vm.getitem(&args.pos[0], &Value::Int(i as i64))
}

fn shuffle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("shuffle", 1, 1)?;
    let Value::List(l) = &args.pos[0] else {
        return Err(PyErr::type_error("shuffle() needs a list"));
    };
    let g = gen(vm);
    let mut items = l.items.borrow_mut();
    for i in (1..items.len()).rev() {
        let j = g.borrow_mut().randbelow(i as u64 + 1) as usize;
        items.swap(i, j);
    }
    Ok(Value::None)
}

fn sample(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("sample", 2, 2)?;
    // `Lib/random.py` `sample`, the list-pool branch (small k relative to n).
    let pool0 = vm.collect(&args.pos[0])?;
    let n = pool0.len();
    let k = int_arg(vm, &args.pos[1])?;
    if k < 0 || k as usize > n {
        return Err(PyErr::value_error(
            "Sample larger than population or is negative",
        ));
    }
    let k = k as usize;
    let g = gen(vm);
    let mut result = Vec::with_capacity(k);
    let mut setsize = 21usize;
    if k > 5 {
        let e = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.pow(e.ceil() as u32);
    }
    if n <= setsize {
        let mut pool = pool0;
        for i in 0..k {
            let j = g.borrow_mut().randbelow((n - i) as u64) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = g.borrow_mut().randbelow(n as u64) as usize;
            while selected.contains(&j) {
                j = g.borrow_mut().randbelow(n as u64) as usize;
            }
            selected.insert(j);
            result.push(pool0[j].clone());
        }
    }
    Ok(Value::list(result))
}

fn getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getrandbits", 1, 1)?;
    let k = int_arg(vm, &args.pos[0])?;
    if !(0..=64).contains(&k) {
        return Err(PyErr::not_implemented("getrandbits() above 64 bits"));
    }
    let r = gen(vm).borrow_mut().getrandbits(k as u32);
    Ok(int::from_bigint(num_bigint::BigInt::from(r)))
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)` (`Lib/random.py`):
/// `floor(random() * n)` per pick, or a bisection into the cumulative weights.
fn choices(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let weights = args.take_kw("weights").or_else(|| args.pos.get(1).cloned());
    let cum = args.take_kw("cum_weights");
    let k = match args.take_kw("k") {
        Some(v) => int_arg(vm, &v)?.max(0),
        None => 1,
    };
    args.no_more_kw("choices")?;
    args.check("choices", 1, 2)?;
    let population = vm.collect(&args.pos[0])?;
    let n = population.len();
    let g = gen(vm);
    let weights = weights.filter(|w| !w.is_none());
    let cum = cum.filter(|w| !w.is_none());
    if weights.is_none() && cum.is_none() {
        if n == 0 {
            return Err(PyErr::index_error("Cannot choose from an empty sequence"));
        }
        let picks = (0..k)
            .map(|_| {
                let i = (g.borrow_mut().random() * n as f64).floor() as usize;
                population.get(i.min(n - 1)).cloned().unwrap_or(Value::None)
            })
            .collect();
        return Ok(Value::list(picks));
    }
    if weights.is_some() && cum.is_some() {
        return Err(PyErr::type_error(
            "Cannot specify both weights and cumulative weights",
        ));
    }
    let mut cum_weights = Vec::new();
    match (weights, cum) {
        (Some(w), _) => {
            let mut total = 0.0;
            for x in vm.collect(&w)? {
                total += num(&x)?;
                cum_weights.push(total);
            }
        }
        (None, Some(c)) => {
            for x in vm.collect(&c)? {
                cum_weights.push(num(&x)?);
            }
        }
        (None, None) => {}
    }
    if cum_weights.len() != n {
        return Err(PyErr::value_error(
            "The number of weights does not match the population",
        ));
    }
    let total = cum_weights.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(PyErr::value_error(
            "Total of weights must be greater than zero",
        ));
    }
    if !total.is_finite() {
        return Err(PyErr::value_error("Total of weights must be finite"));
    }
    let picks = (0..k)
        .map(|_| {
            let x = g.borrow_mut().random() * total;
            // `bisect(cum_weights, x, 0, n - 1)`: the first index whose weight exceeds x.
            let i = cum_weights[..n - 1].partition_point(|w| *w <= x);
            population.get(i).cloned().unwrap_or(Value::None)
        })
        .collect();
    Ok(Value::list(picks))
}

/// `expovariate(lambd=1.0)`: `-log(1.0 - random()) / lambd`.
fn expovariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("expovariate", 0, 1)?;
    let lambd = match args.pos.first() {
        Some(v) => num(v)?,
        None => 1.0,
    };
    if lambd == 0.0 {
        return Err(PyErr::with_msg(
            "ZeroDivisionError",
            "float division by zero",
        ));
    }
    let r = gen(vm).borrow_mut().random();
    Ok(Value::Float(-(1.0 - r).ln() / lambd))
}

pub fn functions() -> Vec<(&'static str, BuiltinFn)> {
    let _ = &GEN;
    vec![
        ("choices", choices),
        ("expovariate", expovariate),
        ("seed", seed),
        ("random", random),
        ("uniform", uniform),
        ("randint", randint),
        ("randrange", randrange),
        ("choice", choice),
        ("shuffle", shuffle),
        ("sample", sample),
        ("getrandbits", getrandbits),
    ]
}
