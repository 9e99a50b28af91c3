//! `repr()` details of asyncio objects that CPython builds from their state: queues
//! (`Queue._format`), the locks' bracketed state, and `reprlib.repr` (what a future's
//! repr shows of its result).

use super::asyncio::{with_loop_or_next, RtHandle};
use crate::lang::value::{PyResult, Value};
use crate::lang::vm::Vm;
use crate::runtime::{CallbackName, FutId, Loop, ResourceId};

/// A stand-in for the object address CPython prints (ids differ from CPython's anyway).
fn fake_address(r: ResourceId) -> u64 {
    0x7f00_0000_0000u64 + u64::from(r.0) * 0x50
}

/// `<asyncio.locks.Lock object at 0x... [unlocked]>` (also Event, Semaphore, Condition,
/// and Barrier: `[filling, waiters:0/2]`).
pub(crate) fn sync_repr(lp: &mut Loop<Vm>, h: RtHandle, r: ResourceId) -> String {
    let state = if let RtHandle::Barrier(_) = h {
        let st = lp.barrier_state_name(r);
        if lp.barrier_broken(r) {
            st.to_string()
        } else {
            let (n, p) = (lp.barrier_n_waiting(r), lp.barrier_parties(r));
            format!("{st}, waiters:{n}/{p}")
        }
    } else {
        lp.sync_repr_state(r).unwrap_or_default()
    };
    format!(
        "<asyncio.locks.{} object at {:#x} [{state}]>",
        h.type_name(),
        fake_address(r)
    )
}

/// CPython `Queue.__repr__` (`<Queue at 0x... maxsize=2 _queue=[1] tasks=1>`, `with_addr`)
/// and `__str__` (`<Queue maxsize=2 ...>`).
pub fn queue_repr(vm: &mut Vm, r: crate::runtime::ResourceId, with_addr: bool) -> PyResult<String> {
    let Some(info) = with_loop_or_next(vm, |lp, _| Ok(lp.queue_format_info(r)))? else {
        return Ok("<Queue object>".to_string());
    };
    let mut out = format!("<{}", info.kind);
    if with_addr {
        out.push_str(&format!(" at {:#x}", fake_address(r)));
    }
    out.push_str(&format!(" maxsize={}", info.maxsize));
    if !info.items.is_empty() {
        out.push_str(&format!(" _queue={}", vm.repr(&Value::list(info.items))?));
    }
    if info.getters > 0 {
        out.push_str(&format!(" _getters[{}]", info.getters));
    }
    if info.putters > 0 {
        out.push_str(&format!(" _putters[{}]", info.putters));
    }
    if info.unfinished > 0 {
        out.push_str(&format!(" tasks={}", info.unfinished));
    }
    if info.shutdown {
        out.push_str(" shutdown");
    }
    out.push('>');
    Ok(out)
}

/// `reprlib.repr(v)` with asyncio's limits (`maxstring=30`, `maxlong=40`, `maxlist=6`,
/// `maxtuple=6`, `maxdict=4`, `maxlevel=6`, `maxother=30`): long values are elided with
/// `...`.
pub(crate) fn reprlib_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    repr1(vm, v, 6)
}

/// `s[:i] + "..." + s[-j:]` on characters, as `reprlib` shortens to `max` characters.
fn elide(s: &str, max: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= max {
        return s.to_string();
    }
    let i = (max - 3) / 2;
    let j = max - 3 - i;
    let head: String = chars[..i].iter().collect();
    let tail: String = chars[chars.len() - j..].iter().collect();
    format!("{head}...{tail}")
}

fn repr1(vm: &mut Vm, v: &Value, level: i32) -> PyResult<String> {
    match v {
        Value::Str(s) => {
            let chars: Vec<char> = s.as_str().chars().collect();
            let first: String = chars.iter().take(30).collect();
            let r = vm.repr(&Value::str(&first))?;
            if r.chars().count() <= 30 {
                return Ok(r);
            }
            // `repr(x[:i] + x[len(x)-j:])`, then cut inside the quotes
            let (i, j) = (13, 14);
            let short: String = chars[..i.min(chars.len())]
                .iter()
                .chain(chars[chars.len().saturating_sub(j)..].iter())
                .collect();
            let r = vm.repr(&Value::str(&short))?;
            let rc: Vec<char> = r.chars().collect();
            let head: String = rc[..i.min(rc.len())].iter().collect();
            let tail: String = rc[rc.len().saturating_sub(j)..].iter().collect();
            Ok(format!("{head}...{tail}"))
        }
        Value::Int(_) | Value::BigInt(_) => Ok(elide(&vm.repr(v)?, 40)),
        Value::List(l) => iterable(vm, &l.snapshot(), level, "[", "]", 6, ""),
        Value::Tuple(t) => iterable(vm, &t.to_vec(), level, "(", ")", 6, ","),
        Value::Dict(d) => {
            let (keys, vals) = {
                let d = d.borrow();
                (d.keys(), d.values())
            };
            if keys.is_empty() {
                return Ok("{}".into());
            }
            if level <= 0 {
                return Ok("{...}".into());
            }
            // `_possibly_sorted`: by key when the keys compare
            let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(vals).collect();
            let mut sorted = pairs.clone();
            let mut ok = true;
            sorted.sort_by(|a, b| match vm.lt(&a.0, &b.0) {
                Ok(true) => std::cmp::Ordering::Less,
                Ok(false) => match vm.lt(&b.0, &a.0) {
                    Ok(true) => std::cmp::Ordering::Greater,
                    _ => std::cmp::Ordering::Equal,
                },
                Err(_) => {
                    ok = false;
                    std::cmp::Ordering::Equal
                }
            });
            if ok {
                pairs = sorted;
            }
            let n = pairs.len();
            let mut pieces = Vec::new();
            for (k, val) in pairs.iter().take(4) {
                pieces.push(format!(
                    "{}: {}",
                    repr1(vm, k, level - 1)?,
                    repr1(vm, val, level - 1)?
                ));
            }
            if n > 4 {
                pieces.push("...".into());
            }
            Ok(format!("{{{}}}", pieces.join(", ")))
        }
        _ => Ok(elide(&vm.repr(v)?, 30)),
    }
}

fn iterable(
    vm: &mut Vm,
    items: &[Value],
    level: i32,
    left: &str,
    right: &str,
    max: usize,
    trail: &str,
) -> PyResult<String> {
    let n = items.len();
    let body = if level <= 0 && n > 0 {
        "...".to_string()
    } else {
        let mut pieces = Vec::new();
        for x in items.iter().take(max) {
            pieces.push(repr1(vm, x, level - 1)?);
        }
        if n > max {
            pieces.push("...".into());
        }
        pieces.join(", ")
    };
    let right = if n == 1 {
        format!("{trail}{right}")
    } else {
        right.to_string()
    };
    Ok(format!("{left}{body}{right}"))
}

/// ` cb=[...]`: a pending future's done-callbacks as CPython's `_format_callbacks` lists
/// them (the first, `<N more>`, the last when there are more than two); empty when none.
pub(crate) fn callbacks_txt(vm: &mut Vm, lp: &Loop<Vm>, f: FutId) -> String {
    let names: Vec<String> = lp
        .future_callback_names(f)
        .into_iter()
        .map(|c| match c {
            CallbackName::Lib(s) => s.to_string(),
            CallbackName::Host(cb) => super::asyncio_loop::callback_label(vm, &cb.func),
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [a] => format!(" cb=[{a}]"),
        [a, b] => format!(" cb=[{a}, {b}]"),
        [a, .., z] => format!(" cb=[{a}, <{} more>, {z}]", names.len() - 2),
    }
}

/// CPython `Handle.__repr__`: `<Handle cb() at main.py:3>`, `<Handle cancelled>`,
/// `<TimerHandle when=0.5 cb() at main.py:3>` (a cancelled handle drops its callback).
pub(crate) fn handle_repr(
    vm: &mut Vm,
    lp: &Loop<Vm>,
    h: crate::runtime::Handle,
    timer: bool,
) -> String {
    let mut parts = vec![if timer { "TimerHandle" } else { "Handle" }.to_string()];
    let cancelled = lp.handle_cancelled(h);
    if cancelled {
        parts.push("cancelled".into());
    }
    if let Some(w) = lp.handle_when(h).filter(|_| timer) {
        parts.push(format!("when={}", crate::lang::value::float::repr(w)));
    }
    if !cancelled {
        if let Some(cb) = lp.handle_host_callback(h) {
            parts.push(super::asyncio_loop::callback_label(vm, &cb.func));
        }
    }
    format!("<{}>", parts.join(" "))
}
