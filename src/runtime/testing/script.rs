//! Scripted coroutines: a flat list of steps with try/except handlers, resumed exactly like a
//! Python coroutine (send/throw), delegating to native coroutines like `yield from`.

use std::rc::Rc;

use super::{fmt_time, Kind, TExc, TestHost, Val};
use crate::runtime::*;

/// Context for `Script::call` steps: synchronous code run inside the task.
pub struct Cx<'a> {
    pub lp: &'a mut Loop<TestHost>,
    pub host: &'a mut TestHost,
    pub task: TaskId,
}

impl Cx<'_> {
    /// Logs "<time> <task>: msg".
    pub fn log(&mut self, msg: &str) {
        let name = self.lp.task_name(self.task).unwrap_or_default();
        let t = fmt_time(self.lp.time());
        self.host.log.push(format!("{t} {name}: {msg}"));
    }
    /// The integer stored in a var (ids of timeouts, groups, resources).
    pub fn int(&self, var: &str) -> u32 {
        match self.host.vars.get(var) {
            Some(Val::Int(i)) => *i as u32,
            other => panic!("{var} is not an int: {other:?}"),
        }
    }
    pub fn fut(&self, var: &str) -> FutId {
        self.host.fut(var)
    }
    pub fn task_of(&self, var: &str) -> TaskId {
        self.lp.future_task(self.fut(var)).expect("a task")
    }
    pub fn set(&mut self, var: &str, v: Val) {
        self.host.vars.insert(var.into(), v);
    }
    /// `asyncio.shield(<var>)`.
    pub fn shield_of(&mut self, var: &str) -> FutId {
        let f = self.fut(var);
        self.lp.shield(f)
    }
    /// `create_task(script, name=name)`, stored in var `name`.
    pub fn spawn(&mut self, name: &str, s: Script) -> TaskId {
        let t = self.lp.create_task(s.coro(), Some(name.into()));
        let f = self.lp.task_future(t).expect("task");
        self.set(name, Val::Fut(f));
        t
    }
}

pub type CallFn = Rc<dyn Fn(&mut Cx) -> Result<Option<Val>, TExc>>;
pub type NativeFn = Rc<dyn Fn(&mut Cx) -> Native<TestHost>>;

#[derive(Clone, Debug, PartialEq)]
pub enum Catch {
    Cancelled,
    Exception,
    Any,
    Only(Kind),
}

impl Catch {
    fn matches(&self, e: &TExc) -> bool {
        match self {
            Catch::Only(k) => e.kind == *k,
            Catch::Cancelled => e.kind == Kind::Cancelled,
            Catch::Exception => !matches!(e.kind, Kind::Cancelled | Kind::KeyboardInterrupt),
            Catch::Any => true,
        }
    }
}

#[derive(Clone)]
enum Op {
    Log(String),
    Sleep(f64),
    Await(String),
    Native(NativeFn),
    Call(CallFn),
    Try {
        handler: usize,
        catch: Catch,
    },
    EndTry {
        after: usize,
    },
    EndExcept,
    Raise(TExc),
    Reraise,
    Return,
    ReturnVal(Val),
    Yield,
    /// The host's instruction budget runs out here (`Step::Paused`), once.
    Pause,
    Store(String),
    Jump(usize),
}

/// A coroutine body, built step by step.
#[derive(Clone, Default)]
pub struct Script {
    ops: Vec<Op>,
}

pub fn script() -> Script {
    Script::default()
}

impl Script {
    fn op(mut self, op: Op) -> Self {
        self.ops.push(op);
        self
    }
    /// `print(msg)`: logged as "<time> <task name>: msg".
    pub fn log(self, msg: &str) -> Self {
        self.op(Op::Log(msg.into()))
    }
    /// `await asyncio.sleep(d)`.
    pub fn sleep(self, d: f64) -> Self {
        self.op(Op::Sleep(d))
    }
    /// `await <var>` (a future/task stored in a var); the result goes to the accumulator.
    pub fn await_(self, var: &str) -> Self {
        self.op(Op::Await(var.into()))
    }
    /// `await <native coroutine>`; the result goes to the accumulator.
    pub fn native(self, f: impl Fn(&mut Cx) -> Native<TestHost> + 'static) -> Self {
        self.op(Op::Native(Rc::new(f)))
    }
    /// Synchronous code; `Ok(Some(v))` sets the accumulator, `Err(e)` raises.
    pub fn call(self, f: impl Fn(&mut Cx) -> Result<Option<Val>, TExc> + 'static) -> Self {
        self.op(Op::Call(Rc::new(f)))
    }
    /// Synchronous code that cannot fail.
    pub fn run(self, f: impl Fn(&mut Cx) + 'static) -> Self {
        self.call(move |cx| {
            f(cx);
            Ok(None)
        })
    }
    /// Logs the exception being handled: "<time> <task>: <label> <exc>".
    pub fn log_caught(self, label: &'static str) -> Self {
        self.run(move |cx| {
            let e = cx
                .host
                .caught
                .clone()
                .map(|e| e.to_string())
                .unwrap_or_default();
            cx.log(&format!("{label} {e}"));
        })
    }
    /// `var = <accumulator>`.
    pub fn store(self, var: &str) -> Self {
        self.op(Op::Store(var.into()))
    }
    /// Logs the accumulator: "<time> <task>: <label> <value>".
    pub fn log_acc(self, label: &'static str) -> Self {
        self.run(move |cx| {
            let v = cx.host.vars.get("_acc").cloned().unwrap_or(Val::None);
            let name = cx.lp.task_name(cx.task).unwrap_or_default();
            let t = fmt_time(cx.lp.time());
            cx.host.log.push(format!("{t} {name}: {label} {v}"));
        })
    }
    pub fn raise(self, e: TExc) -> Self {
        self.op(Op::Raise(e))
    }
    /// Bare `raise` inside an except block.
    pub fn reraise(self) -> Self {
        self.op(Op::Reraise)
    }
    /// `return <accumulator>`.
    pub fn ret_acc(self) -> Self {
        self.op(Op::Return)
    }
    pub fn ret(self, v: Val) -> Self {
        self.op(Op::ReturnVal(v))
    }
    /// The VM's instruction budget runs out at this point (the step pauses, then continues).
    pub fn pause(self) -> Self {
        self.op(Op::Pause)
    }
    /// `await asyncio.sleep(0)` as a bare yield.
    pub fn yield_(self) -> Self {
        self.op(Op::Yield)
    }

    fn append(&mut self, other: Script) {
        let base = self.ops.len();
        for op in other.ops {
            self.ops.push(match op {
                Op::Try { handler, catch } => Op::Try {
                    handler: handler + base,
                    catch,
                },
                Op::EndTry { after } => Op::EndTry {
                    after: after + base,
                },
                Op::Jump(t) => Op::Jump(t + base),
                o => o,
            });
        }
    }

    /// `try: body except <catch>: handler` (the handler may `reraise`).
    pub fn try_except(mut self, body: Script, catch: Catch, handler: Script) -> Self {
        let at = self.ops.len();
        self.ops.push(Op::Try {
            handler: 0,
            catch: catch.clone(),
        });
        self.append(body);
        let end_try = self.ops.len();
        self.ops.push(Op::EndTry { after: 0 });
        let h = self.ops.len();
        self.append(handler);
        self.ops.push(Op::EndExcept);
        let after = self.ops.len();
        self.ops[at] = Op::Try { handler: h, catch };
        self.ops[end_try] = Op::EndTry { after };
        self
    }

    /// Appends another script's steps.
    pub fn then(mut self, other: Script) -> Self {
        self.append(other);
        self
    }

    /// `while True: body`.
    pub fn forever(mut self, body: Script) -> Self {
        let start = self.ops.len();
        self.append(body);
        self.ops.push(Op::Jump(start));
        self
    }

    pub fn coro(self) -> TaskCoro<TestHost> {
        TaskCoro::Host(ScriptCoro {
            ops: Rc::new(self.ops),
            pc: 0,
            handlers: vec![],
            caught: vec![],
            acc: Val::None,
            pending: Pending::Nothing,
        })
    }
}

enum Pending {
    Nothing,
    Yield,
    Fut(FutId),
    Native(Box<Native<TestHost>>),
}

pub struct ScriptCoro {
    ops: Rc<Vec<Op>>,
    pc: usize,
    handlers: Vec<(usize, Catch)>,
    caught: Vec<TExc>,
    acc: Val,
    pending: Pending,
}

impl ScriptCoro {
    pub(super) fn resume(
        &mut self,
        lp: &mut Loop<TestHost>,
        host: &mut TestHost,
        task: TaskId,
        input: Resume<TestHost>,
    ) -> Step<TestHost> {
        // 1. Finish the await we were suspended in.
        let mut thrown: Option<TExc> = None;
        match std::mem::replace(&mut self.pending, Pending::Nothing) {
            Pending::Nothing | Pending::Yield => {
                if let Resume::Throw(e) = input {
                    thrown = Some(e);
                }
            }
            Pending::Fut(f) => match input {
                Resume::Throw(e) => thrown = Some(e),
                Resume::Send | Resume::Continue => match lp.future_result(host, f) {
                    Ok(v) => self.acc = v,
                    Err(e) => thrown = Some(e),
                },
            },
            Pending::Native(n) => {
                if let Some(step) = self.drive(n, lp, host, task, input) {
                    return step;
                }
            }
        }
        if let Some(e) = thrown {
            if let Some(step) = self.unwind(e) {
                return step;
            }
        }
        // 2. Run until the next await.
        loop {
            host.vars.insert("_acc".into(), self.acc.clone());
            host.caught = self.caught.last().cloned();
            let Some(op) = self.ops.get(self.pc).cloned() else {
                return Step::Return(Val::None);
            };
            self.pc += 1;
            let mut thrown = None;
            match op {
                Op::Log(s) => {
                    let name = lp.task_name(task).unwrap_or_default();
                    host.log
                        .push(format!("{} {name}: {s}", fmt_time(lp.time())));
                }
                Op::Sleep(d) => {
                    if let Some(step) =
                        self.drive(Box::new(sleep(d, None)), lp, host, task, Resume::Send)
                    {
                        return step;
                    }
                    if let Pending::Nothing = self.pending {}
                }
                Op::Native(f) => {
                    let n = f(&mut Cx { lp, host, task });
                    if let Some(step) = self.drive(Box::new(n), lp, host, task, Resume::Send) {
                        return step;
                    }
                }
                Op::Await(var) => {
                    let f = host.fut(&var);
                    if !lp.future_done(f) {
                        self.pending = Pending::Fut(f);
                        return Step::Await(f);
                    }
                    match lp.future_result(host, f) {
                        Ok(v) => self.acc = v,
                        Err(e) => thrown = Some(e),
                    }
                }
                Op::Call(f) => match f(&mut Cx { lp, host, task }) {
                    Ok(Some(v)) => self.acc = v,
                    Ok(None) => {}
                    Err(e) => thrown = Some(e),
                },
                Op::Try { handler, catch } => self.handlers.push((handler, catch)),
                Op::EndTry { after } => {
                    self.handlers.pop();
                    self.pc = after;
                }
                Op::EndExcept => {
                    self.caught.pop();
                }
                Op::Raise(e) => thrown = Some(e),
                Op::Reraise => thrown = self.caught.last().cloned(),
                Op::Return => return Step::Return(self.acc.clone()),
                Op::ReturnVal(v) => return Step::Return(v),
                Op::Yield => {
                    self.pending = Pending::Yield;
                    return Step::Yield;
                }
                Op::Pause => return Step::Paused,
                Op::Store(var) => {
                    host.vars.insert(var, self.acc.clone());
                }
                Op::Jump(t) => self.pc = t,
            }
            if let Some(e) = thrown {
                if let Some(step) = self.unwind(e) {
                    return step;
                }
            }
        }
    }

    /// Resumes a delegated native coroutine; `Some(step)` if we suspend or it raised out.
    fn drive(
        &mut self,
        mut n: Box<Native<TestHost>>,
        lp: &mut Loop<TestHost>,
        host: &mut TestHost,
        task: TaskId,
        input: Resume<TestHost>,
    ) -> Option<Step<TestHost>> {
        match n.resume(lp, host, task, input) {
            Step::Await(f) => {
                self.pending = Pending::Native(n);
                Some(Step::Await(f))
            }
            Step::Yield => {
                self.pending = Pending::Native(n);
                Some(Step::Yield)
            }
            Step::Paused => {
                self.pending = Pending::Native(n);
                Some(Step::Paused)
            }
            Step::Return(v) => {
                self.acc = v;
                None
            }
            Step::Raise(e) => self.unwind(e),
        }
    }

    /// Finds the innermost matching handler, or lets the exception out of the coroutine.
    fn unwind(&mut self, e: TExc) -> Option<Step<TestHost>> {
        while let Some((h, catch)) = self.handlers.pop() {
            if catch.matches(&e) {
                self.caught.push(e);
                self.pc = h;
                return None;
            }
        }
        Some(Step::Raise(e))
    }
}
