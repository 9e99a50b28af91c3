//! A scripted `Host` for driving the real runtime in browser tests: each coroutine is a list
//! of ops (yield, sleep, spawn a named task, await a task or gather, cancel, wait_for with a
//! timeout, raise), one op per resume until one awaits. Shared by `browser_driver.rs` and
//! `browser_panels.rs`; each uses the parts it needs.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use asyncio_playground::runtime::{
    await_future, sleep, wait_for, Awaitable, ExcClass, FutId, Host, Loop, Native, Progress,
    Resume, RuntimeExc, Step, TaskCoro, TaskId,
};

/// What a scripted coroutine does, one op per resume.
#[derive(Clone, Debug)]
pub enum Op {
    /// `await asyncio.sleep(0)`.
    Yield,
    /// `await asyncio.sleep(d)`.
    Sleep(f64),
    /// Create this many tasks that each yield once and log "child" (the first three).
    Spawn(usize),
    /// Append to the host's log.
    Log(&'static str),
    /// `var = asyncio.create_task(<ops>, name=name)`.
    Task {
        var: &'static str,
        name: &'static str,
        ops: Vec<Op>,
    },
    /// `await var` (a task, gather or shield stored earlier).
    Await(&'static str),
    /// `into = asyncio.gather(*vars)`.
    Gather {
        vars: Vec<&'static str>,
        into: &'static str,
    },
    /// `into = asyncio.shield(var)`.
    Shield {
        var: &'static str,
        into: &'static str,
    },
    /// `var.cancel()`.
    Cancel(&'static str),
    /// `await asyncio.wait_for(asyncio.sleep(sleep), timeout)`.
    WaitForSleep { sleep: f64, timeout: f64 },
    /// `raise RuntimeError(msg)`.
    Raise(&'static str),
    /// `async with asyncio.TaskGroup() as tg:` creating one named task per entry, then
    /// waiting for them in `__aexit__`.
    TaskGroup { tasks: Vec<(&'static str, Vec<Op>)> },
}

pub struct Script {
    ops: Vec<Op>,
    pc: usize,
    sub: Option<Native<TestHost>>,
}

impl Script {
    pub fn new(ops: Vec<Op>) -> Self {
        Script {
            ops,
            pc: 0,
            sub: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Exc {
    Cancelled,
    Other(String),
}

#[derive(Default)]
pub struct TestHost {
    pub log: Rc<RefCell<Vec<String>>>,
    /// Futures by script variable name.
    pub vars: HashMap<&'static str, FutId>,
}

impl TestHost {
    pub fn var(&self, name: &str) -> FutId {
        *self
            .vars
            .get(name)
            .unwrap_or_else(|| panic!("no var {name}"))
    }

    /// The task stored in `name`.
    pub fn task(&self, lp: &Loop<Self>, name: &str) -> TaskId {
        lp.future_task(self.var(name)).expect("a task")
    }
}

impl Host for TestHost {
    type Value = ();
    type Exc = Exc;
    type Coro = Script;
    type Callback = u8;

    fn resume(
        &mut self,
        lp: &mut Loop<Self>,
        task: TaskId,
        c: &mut Script,
        input: Resume<Self>,
    ) -> Step<Self> {
        let mut input = input;
        loop {
            if let Some(sub) = c.sub.as_mut() {
                match sub.resume(lp, self, task, input) {
                    Step::Return(_) => c.sub = None,
                    other => {
                        if !matches!(other, Step::Await(_) | Step::Yield) {
                            c.sub = None;
                        }
                        return other;
                    }
                }
                input = Resume::Send;
            }
            if let Resume::Throw(e) = input {
                return Step::Raise(e);
            }
            let Some(op) = c.ops.get(c.pc).cloned() else {
                return Step::Return(());
            };
            c.pc += 1;
            match op {
                Op::Yield => return Step::Yield,
                Op::Sleep(d) => c.sub = Some(sleep(d, None)),
                Op::Spawn(n) => {
                    for _ in 0..n {
                        let child = Script::new(vec![Op::Yield, Op::Log("child")]);
                        lp.create_task(TaskCoro::Host(child), None);
                    }
                }
                Op::Log(s) => {
                    if s != "child" || self.log.borrow().len() < 3 {
                        self.log.borrow_mut().push(s.to_string());
                    }
                }
                Op::Task { var, name, ops } => {
                    let t = lp.create_task(TaskCoro::Host(Script::new(ops)), Some(name.into()));
                    let fut = lp.task_future(t).expect("just created");
                    self.vars.insert(var, fut);
                }
                Op::Await(var) => c.sub = Some(await_future(self.var(var))),
                Op::Gather { vars, into } => {
                    let futs = vars.iter().map(|v| self.var(v)).collect();
                    let g = lp.gather(self, futs, false);
                    self.vars.insert(into, g);
                }
                Op::Shield { var, into } => {
                    let s = lp.shield(self.var(var));
                    self.vars.insert(into, s);
                }
                Op::Cancel(var) => {
                    let t = self.task(lp, var);
                    lp.cancel_task(self, t, None);
                }
                Op::WaitForSleep { sleep: d, timeout } => {
                    let inner = TaskCoro::Native(Box::new(sleep(d, None)));
                    c.sub = Some(wait_for(Awaitable::Coro(Box::new(inner)), Some(timeout)));
                }
                Op::Raise(msg) => return Step::Raise(Exc::Other(msg.into())),
                Op::TaskGroup { tasks } => {
                    let g = lp.task_group();
                    if let Err(e) = lp.task_group_enter(self, g) {
                        return Step::Raise(e);
                    }
                    for (name, ops) in tasks {
                        let coro = TaskCoro::Host(Script::new(ops));
                        if let Err(e) = lp.task_group_create_task(self, g, coro, Some(name.into()))
                        {
                            return Step::Raise(e);
                        }
                    }
                    c.sub = Some(lp.task_group_exit(g, None));
                }
            }
        }
    }
    fn call(&mut self, _lp: &mut Loop<Self>, _cb: u8, _fut: Option<FutId>) -> Progress {
        Progress::Done
    }
    fn int_value(&mut self, _i: i64) {}
    fn new_exc(&mut self, kind: RuntimeExc<Self>) -> Exc {
        match kind {
            RuntimeExc::Cancelled { .. } => Exc::Cancelled,
            RuntimeExc::Timeout { .. } => Exc::Other("TimeoutError".into()),
            _ => Exc::Other("runtime error".into()),
        }
    }
    fn classify(&self, e: &Exc) -> ExcClass {
        match e {
            Exc::Cancelled => ExcClass::Cancelled,
            Exc::Other(_) => ExcClass::Exception,
        }
    }
    fn none(&mut self) {}
    fn bool_value(&mut self, _b: bool) {}
    fn list(&mut self, _items: Vec<()>) {}
    fn exc_value(&mut self, _e: Exc) {}
    fn future_value(&mut self, _f: FutId) {}
}
