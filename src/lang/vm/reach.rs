//! Can anything but one task reach a runtime object? A mark over the program's objects
//! from every root except that task's own coroutine: module globals, builtins, the module
//! code suspended in `asyncio.run`, every other task's frames, and whatever the loop holds
//! (`Loop::visit_held`: results, queue items, callbacks, library coroutines). Used by the
//! "awaited forever" check for a task waiting on an object nothing else references.
//!
//! Sound by construction: an object the walk cannot look inside (an unusual iterator, a
//! library state it does not list) makes the answer "maybe reachable", never "unreachable".

use std::collections::HashSet;
use std::rc::Rc;

use super::eval::Exec;
use super::facts::{resource_of, Fact, FactKind};
use super::frame::Frame;
use super::host::{Delegate, TaskExec};
use super::Vm;
use crate::lang::modules::asyncio::{NativeState, RtHandle};
use crate::lang::value::function::{AgenOp, Coroutine};
use crate::lang::value::iter::{PyIter, SetRef};
use crate::lang::value::{Descriptor, PyErr, PyResult, Value};
use crate::runtime::{FutId, Loop, ResourceId, TaskId, TaskState, Visit, Waitable};

/// What the mark looks for: handles to one of these resources or futures.
#[derive(Clone, Debug, Default)]
pub struct Targets {
    pub resources: Vec<ResourceId>,
    pub futures: Vec<FutId>,
}

/// Objects visited at most (a program with millions of objects is left unjudged).
const MAX_OBJECTS: usize = 2_000_000;

/// A mark in progress. `found`: a target is reachable; `unsure`: some object could not be
/// looked into (or the walk was too big), so nothing may be concluded from `!found`.
pub struct Reach<'a> {
    targets: &'a Targets,
    seen: HashSet<usize>,
    work: Vec<Value>,
    pub found: bool,
    pub unsure: bool,
}

impl<'a> Reach<'a> {
    pub fn new(targets: &'a Targets) -> Self {
        Reach {
            targets,
            seen: HashSet::new(),
            work: Vec::new(),
            found: false,
            unsure: false,
        }
    }

    /// Marks from the VM's own roots: modules, builtins, handled exceptions, the loop's
    /// exception handler, and the module code's frames (`module`).
    pub fn vm_roots(&mut self, vm: &Vm, module: &Exec) {
        for m in vm.modules.values() {
            self.value(m);
        }
        self.dict(&vm.builtins.borrow());
        vm.outer_handled.iter().for_each(|v| self.value(v));
        if let Some(v) = &vm.current_handled {
            self.value(v);
        }
        if let Some(v) = &vm.exception_handler {
            self.value(v);
        }
        module.frames.iter().for_each(|f| self.frame(f));
    }

    /// Follows everything queued; stops early once a target is found.
    pub fn run(&mut self) {
        while let Some(v) = self.work.pop() {
            if self.found {
                return;
            }
            if self.seen.len() > MAX_OBJECTS {
                self.unsure = true;
                return;
            }
            self.children(&v);
        }
    }

    fn value(&mut self, v: &Value) {
        if self.found {
            return;
        }
        // Scalars and strings hold nothing; everything else is queued once per object.
        let id = match v {
            Value::Rt(h) => {
                self.check(h);
                return;
            }
            Value::List(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Tuple(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Dict(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Set(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::FrozenSet(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Slice(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Iter(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::BoundMethod(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Function(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Class(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Instance(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Module(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Descriptor(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Coroutine(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::Native(x) => Rc::as_ptr(x) as *const u8 as usize,
            Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Range(_)
            | Value::Builtin(_) => return,
        };
        if self.seen.insert(id) {
            self.work.push(v.clone());
        }
    }

    fn check(&mut self, h: &RtHandle) {
        let hit = match h {
            RtHandle::Lock(r)
            | RtHandle::Event(r)
            | RtHandle::Semaphore(r, _)
            | RtHandle::Queue(r)
            | RtHandle::Condition(r)
            | RtHandle::Barrier(r) => self.targets.resources.contains(r),
            RtHandle::Future(f) => self.targets.futures.contains(f),
            _ => false,
        };
        self.found |= hit;
    }

    fn dict(&mut self, d: &crate::lang::value::PyDict) {
        for e in d.iter() {
            self.value(&e.key);
            self.value(&e.value);
        }
    }

    fn cell(&mut self, c: &std::cell::RefCell<Option<Value>>) {
        match c.try_borrow() {
            Ok(v) => {
                if let Some(v) = &*v {
                    self.value(v);
                }
            }
            Err(_) => self.unsure = true,
        }
    }

    fn frame(&mut self, f: &Frame) {
        f.stack.iter().for_each(|v| self.value(v));
        f.fast.iter().flatten().for_each(|v| self.value(v));
        f.cells.iter().for_each(|c| self.cell(c));
        f.handled.iter().for_each(|v| self.value(v));
        self.value(&Value::Dict(f.globals.clone()));
        if let Some(l) = &f.locals {
            self.value(&Value::Dict(l.clone()));
        }
    }

    fn err(&mut self, e: &PyErr) {
        if let PyErr::Exception(inst) = e {
            self.value(&Value::Instance(inst.clone()));
        }
    }

    fn result(&mut self, r: &PyResult<Value>) {
        match r {
            Ok(v) => self.value(v),
            Err(e) => self.err(e),
        }
    }

    fn coroutine(&mut self, c: &Coroutine) {
        match c.frame.try_borrow() {
            Ok(f) => {
                if let Some(f) = &*f {
                    self.frame(f);
                }
            }
            Err(_) => self.unsure = true,
        }
        let op = c.agen_op.take();
        match op.as_deref() {
            Some(AgenOp::Send(v)) => self.value(v),
            Some(AgenOp::Throw(e)) => self.err(e),
            None => {}
        }
        c.agen_op.set(op);
    }

    /// A task's coroutine as the loop holds it: its frames, the library coroutine it is
    /// suspended in, what will be thrown in first.
    pub fn task_exec(&mut self, t: &TaskExec) {
        t.ex.frames.iter().for_each(|f| self.frame(f));
        self.value(&Value::Coroutine(t.coro.clone()));
        match &t.delegate {
            Some(Delegate::Native(n, _)) => n.visit(self),
            Some(Delegate::Ready(r, _)) => self.result(r),
            None => {}
        }
        if let Some(e) = &t.initial_throw {
            self.err(e);
        }
    }

    fn children(&mut self, v: &Value) {
        match v {
            Value::List(l) => match l.items.try_borrow() {
                Ok(items) => items.iter().for_each(|x| self.value(x)),
                Err(_) => self.unsure = true,
            },
            Value::Tuple(t) => t.iter().for_each(|x| self.value(x)),
            Value::Dict(d) => match d.try_borrow() {
                Ok(d) => self.dict(&d),
                Err(_) => self.unsure = true,
            },
            Value::Set(s) => match s.try_borrow() {
                Ok(s) => s.iter().for_each(|(_, x)| self.value(x)),
                Err(_) => self.unsure = true,
            },
            Value::FrozenSet(s) => s.iter().for_each(|(_, x)| self.value(x)),
            Value::Slice(s) => s.iter().for_each(|x| self.value(x)),
            Value::Iter(it) => match it.try_borrow() {
                Ok(it) => self.iter(&it),
                Err(_) => self.unsure = true,
            },
            Value::BoundMethod(m) => {
                self.value(&m.receiver);
                self.value(&m.func);
            }
            Value::Function(f) => {
                f.defaults.iter().for_each(|x| self.value(x));
                f.kwdefaults.iter().for_each(|(_, x)| self.value(x));
                f.closure.iter().for_each(|c| self.cell(c));
                self.value(&Value::Dict(f.globals.clone()));
                match f.dict.try_borrow() {
                    Ok(d) => self.dict(&d),
                    Err(_) => self.unsure = true,
                }
            }
            Value::Class(c) => {
                match c.dict.try_borrow() {
                    Ok(d) => self.dict(&d),
                    Err(_) => self.unsure = true,
                }
                for b in &c.bases {
                    self.value(&Value::Class(b.clone()));
                }
            }
            Value::Instance(i) => {
                self.value(&Value::Class(i.class.clone()));
                match i.dict.try_borrow() {
                    Ok(d) => self.dict(&d),
                    Err(_) => self.unsure = true,
                }
                if let Some(exc) = &i.exc {
                    match exc.try_borrow() {
                        Ok(x) => {
                            x.args.iter().for_each(|v| self.value(v));
                            x.notes.iter().for_each(|v| self.value(v));
                            for v in [&x.cause, &x.context, &x.value].into_iter().flatten() {
                                self.value(v);
                            }
                            if let Some((g, subs)) = &x.group {
                                self.value(g);
                                subs.iter().for_each(|v| self.value(v));
                            }
                        }
                        Err(_) => self.unsure = true,
                    }
                }
            }
            Value::Module(m) => self.value(&Value::Dict(m.dict.clone())),
            Value::Descriptor(d) => match &**d {
                Descriptor::StaticMethod(x) | Descriptor::ClassMethod(x) => self.value(x),
                Descriptor::Property { fget, fset, fdel } => {
                    self.value(fget);
                    self.value(fset);
                    self.value(fdel);
                }
            },
            Value::Coroutine(c) => self.coroutine(c),
            Value::Native(n) => match n.state.try_borrow() {
                Ok(s) => match &*s {
                    Some(NativeState::Native(x)) => x.visit(self),
                    Some(NativeState::Ready(r)) => self.result(r),
                    None => {}
                },
                Err(_) => self.unsure = true,
            },
            // Leaves (handled in `value`).
            _ => {}
        }
    }

    fn iter(&mut self, it: &PyIter) {
        match it {
            PyIter::List { list, .. } | PyIter::ListReversed { list, .. } => {
                self.value(&Value::List(list.clone()))
            }
            PyIter::Tuple { tuple, .. } => self.value(&Value::Tuple(tuple.clone())),
            PyIter::Dict { dict, .. } => self.value(&Value::Dict(dict.clone())),
            PyIter::Set { set, .. } => match set {
                SetRef::Set(s) => self.value(&Value::Set(s.clone())),
                SetRef::Frozen(s) => self.value(&Value::FrozenSet(s.clone())),
            },
            PyIter::Values { items, .. } => items.iter().for_each(|x| self.value(x)),
            PyIter::Str { .. } | PyIter::Range { .. } | PyIter::Exhausted => {}
            // Other iterators (zip, map, filter, views...) are not looked into.
            _ => self.unsure = true,
        }
    }
}

/// The loop's objects are the VM's `Value`s, `PyErr`s, callbacks and task coroutines.
impl Visit<Vm> for Reach<'_> {
    fn value(&mut self, v: &Value) {
        Reach::value(self, v)
    }
    fn exc(&mut self, e: &PyErr) {
        self.err(e)
    }
    fn callback(&mut self, c: &super::host::Callback) {
        self.value(&c.func);
        c.args.iter().for_each(|v| Reach::value(self, v));
    }
    fn coro(&mut self, c: &TaskExec) {
        self.task_exec(c)
    }
    fn opaque(&mut self) {
        self.unsure = true;
    }
}

/// What task `t` waits on, as mark targets, when it is the kind of wait only the program's
/// own code can end: a Lock, Semaphore, Event, Condition or Queue (with the objects that
/// contain it: a Condition's Lock is released through the Condition), or a future the
/// program made with `loop.create_future()`.
fn targets_of(lp: &Loop<Vm>, t: TaskId, own_futures: &[FutId]) -> Option<(Waitable, Targets)> {
    let TaskState::Awaiting(w) = lp.task_state(t) else {
        return None;
    };
    let mut targets = Targets::default();
    match &w.what {
        Waitable::Future if own_futures.contains(&w.fut) => targets.futures.push(w.fut),
        other => {
            let mut r = resource_of(other)?;
            targets.resources.push(r);
            // Owners of owners (a Barrier's Condition's Lock), bounded.
            for _ in 0..4 {
                match lp.resource_owner(r) {
                    Some(o) => {
                        targets.resources.push(o);
                        r = o;
                    }
                    None => break,
                }
            }
        }
    }
    Some((w.what, targets))
}

/// Tasks inside a timeout, and every task they await (directly or through gather, wait,
/// shield, a TaskGroup): when the timeout fires, the cancellation reaches them all.
fn rescued_by_timeouts(lp: &Loop<Vm>, live: &[TaskId]) -> HashSet<TaskId> {
    let mut out: HashSet<TaskId> = HashSet::new();
    let mut work: Vec<TaskId> = live
        .iter()
        .copied()
        .filter(|&t| lp.under_timeout(t))
        .collect();
    while let Some(t) = work.pop() {
        if !out.insert(t) {
            continue;
        }
        if let TaskState::Awaiting(w) = lp.task_state(t) {
            let mut futs = vec![w.fut];
            let mut seen = 0;
            while let Some(f) = futs.pop() {
                seen += 1;
                if seen > 10_000 {
                    break;
                }
                match lp.future_task(f) {
                    Some(u) => work.push(u),
                    None => futs.extend(lp.awaits(f)),
                }
            }
        }
    }
    out
}

impl Vm {
    /// Between iterations, with nothing ready (the loop is about to wait for a timer) and
    /// `main` still running: a task waiting on a Lock/Semaphore/Event/Condition/Queue or a
    /// future of its own that nothing but itself can reach (no global, no other task's
    /// frames, no callback, no queue item, no result), and not inside a timeout, waits
    /// forever unless something cancels it. Each such task is
    /// reported once, as an `AwaitedForever` fact. Checks are spaced by live tasks / 16
    /// iterations, so a big run pays little; `module` is the module code's stack.
    pub(crate) fn note_unreferenced(&mut self, lp: &Loop<Vm>, module: &Exec) {
        let now = lp.iteration();
        if now < self.unreferenced_next {
            return;
        }
        let live = lp.all_tasks();
        self.unreferenced_next = now + (live.len() as u64 / 16).max(1);
        let own: Vec<FutId> = lp.pending_futures().iter().map(|f| f.fut).collect();
        let rescued = rescued_by_timeouts(lp, &live);
        for &t in &live {
            // A timeout will end the wait (`async with timeout(...)`, `wait_for`), in this
            // task or in one awaiting it (its cancellation reaches what it awaits).
            if self.unreferenced_seen.contains(&t.0) || rescued.contains(&t) {
                continue;
            }
            let Some((what, targets)) = targets_of(lp, t, &own) else {
                continue;
            };
            let mut reach = Reach::new(&targets);
            lp.visit_held(t, &mut reach);
            reach.vm_roots(self, module);
            reach.run();
            if reach.found || reach.unsure {
                continue;
            }
            self.unreferenced_seen.insert(t.0);
            let resource_at = match &what {
                Waitable::Future => targets
                    .futures
                    .first()
                    .and_then(|f| lp.future_created_at(*f)),
                w => resource_of(w)
                    .and_then(|r| lp.resources().get(r.0 as usize).and_then(|v| v.created_at)),
            }
            .map(|s| s.0);
            self.facts.push(Fact {
                kind: FactKind::Unreferenced { what, resource_at },
                task: Some(t),
                task_name: lp.task_name(t),
                offset: self.stopped_at.get(t.0).copied(),
                time: lp.time(),
                iteration: now,
            });
        }
    }
}
