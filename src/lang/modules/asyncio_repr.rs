//! `repr()` of asyncio's objects as CPython builds it from their state: tasks and futures
//! (`_task_repr_info`, `_future_repr_info`, with `reprlib.repr` of a result and the
//! done-callbacks), queues (`Queue._format`), the locks' bracketed state, handles.

use super::asyncio::{with_loop_or_next, RtHandle};
use crate::lang::value::{PyResult, Value};
use crate::lang::vm::Vm;
use crate::runtime::{CallbackName, FutId, Loop, ResourceId, TaskState};

/// `repr()` of a runtime object (CPython `_task_repr`, `_future_repr`; shortened).
pub fn repr(vm: &mut Vm, h: RtHandle) -> PyResult<String> {
    if vm.lp.is_null() {
        return Ok(format!("<{} object>", h.type_name()));
    }
    vm.with_loop(|lp, vm| {
        Ok(match h {
            RtHandle::Task(t) => {
                let name = lp.task_name(t).map(|n| n.to_string()).unwrap_or_default();
                // `coro=<work() running at main.py:3>` / `done, defined at ...`.
                let coro = vm.task_coros.get(t.0).cloned();
                let file = |c: &crate::lang::value::function::Coroutine| c.frame_file();
                let done = matches!(
                    lp.task_state(t),
                    TaskState::Done | TaskState::Failed | TaskState::Cancelled
                );
                let coro_txt = match &coro {
                    Some(c) if done => format!(
                        " coro=<{}() done, defined at {}:{}>",
                        c.qualname(),
                        file(c),
                        c.def_line()
                    ),
                    Some(c) => format!(
                        " coro=<{}() running at {}:{}>",
                        c.qualname(),
                        file(c),
                        c.line()
                    ),
                    None => String::new(),
                };
                let outcome = vm.task_outcome.get(t.0).cloned();
                let state = match lp.task_state(t) {
                    TaskState::Done => {
                        let r = match outcome {
                            Some(Ok(v)) => v,
                            // asyncio's own awaitables (`sleep(d, result=...)`)
                            _ => match lp.task_future(t).and_then(|f| lp.future_peek(f)) {
                                Some(crate::runtime::FuturePeek::Result(v)) => v.clone(),
                                _ => Value::None,
                            },
                        };
                        let r = reprlib_repr(vm, &r)?;
                        format!("finished name='{name}'{coro_txt} result={r}")
                    }
                    TaskState::Failed => {
                        let e = match outcome {
                            Some(Err(e)) => e.to_value(),
                            _ => Value::None,
                        };
                        format!(
                            "finished name='{name}'{coro_txt} exception={}",
                            vm.repr(&e)?
                        )
                    }
                    TaskState::Cancelled => format!("cancelled name='{name}'{coro_txt}"),
                    st => {
                        // `cancelling` once cancel() was asked; `_fut_waiter` is the future
                        // it waits on (still there while a cancellation is in flight)
                        let label = if lp.cancelling(t) > 0 {
                            "cancelling"
                        } else {
                            "pending"
                        };
                        let waiter = match lp.task_fut_waiter(t) {
                            Some(w) => {
                                let v = Vm::fut_value(lp, w);
                                format!(" wait_for={}", vm.repr(&v)?)
                            }
                            None if matches!(st, TaskState::Awaiting(_)) => {
                                " wait_for=<Future pending cb=[Task.task_wakeup()]>".to_string()
                            }
                            None => String::new(),
                        };
                        let cb = match lp.task_future(t) {
                            Some(f) => callbacks_txt(vm, lp, f),
                            None => String::new(),
                        };
                        format!("{label} name='{name}'{coro_txt}{waiter}{cb}")
                    }
                };
                format!("<Task {state}>")
            }
            RtHandle::Future(f) => {
                // CPython `_future_repr_info`: the result or exception of a finished future
                // (peeked: a repr does not count as retrieving the exception).
                let peek = match lp.future_peek(f) {
                    Some(crate::runtime::FuturePeek::Result(v)) => Some(Ok(v.clone())),
                    Some(crate::runtime::FuturePeek::Exception(e)) => Some(Err(e.to_value())),
                    _ => None,
                };
                let st = if lp.future_cancelled(f) {
                    "cancelled".to_string()
                } else if let Some(Ok(v)) = &peek {
                    format!("finished result={}", reprlib_repr(vm, v)?)
                } else if let Some(Err(e)) = &peek {
                    format!("finished exception={}", vm.repr(e)?)
                } else if lp.future_done(f) {
                    "finished".to_string()
                } else {
                    format!("pending{}", callbacks_txt(vm, lp, f))
                };
                let cls = if lp.future_is_gather(f) {
                    "_GatheringFuture"
                } else {
                    "Future"
                };
                format!("<{cls} {st}>")
            }
            RtHandle::TaskGroup(g) => lp.task_group_repr(g),
            RtHandle::Timeout(t) => {
                let phase = lp.timeout_phase(t).map(|p| p.value()).unwrap_or("created");
                // CPython: `when=round(self._when, 3)` (or None) while entered
                match (phase, lp.timeout_when(t)) {
                    ("active", Some(w)) => format!(
                        "<Timeout [active] when={}>",
                        crate::lang::value::float::repr((w * 1000.0).round() / 1000.0)
                    ),
                    ("active", None) => "<Timeout [active] when=None>".to_string(),
                    (p, _) => format!("<Timeout [{p}]>"),
                }
            }
            RtHandle::Queue(r) => return queue_repr(vm, r, true),
            RtHandle::Timer(th, timer) => handle_repr(vm, lp, th, timer),
            RtHandle::Lock(r)
            | RtHandle::Event(r)
            | RtHandle::Semaphore(r, _)
            | RtHandle::Condition(r)
            | RtHandle::Barrier(r) => sync_repr(lp, h, r),
            other => format!("<asyncio.locks.{} object>", other.type_name()),
        })
    })
}

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
