//! A scripted test host: coroutines are small programs of steps (log, sleep, await a future,
//! run a native coroutine, call the runtime, try/except, raise, return), so tests read like
//! the Python programs they mirror. Values and exceptions are tiny Python look-alikes.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use super::*;

mod script;
pub use script::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    None,
    Bool(bool),
    Int(i64),
    Str(Rc<str>),
    List(Vec<Val>),
    Fut(FutId),
    Exc(Box<TExc>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Cancelled,
    Value,
    Type,
    Runtime,
    InvalidState,
    Timeout,
    QueueEmpty,
    QueueFull,
    QueueShutDown,
    BrokenBarrier,
    ExceptionGroup,
    BaseExceptionGroup,
    KeyboardInterrupt,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TExc {
    pub kind: Kind,
    pub msg: Option<Rc<str>>,
    pub children: Vec<TExc>,
    pub cause: Option<Box<TExc>>,
}

pub fn exc(kind: Kind, msg: &str) -> TExc {
    TExc {
        kind,
        msg: Some(msg.into()),
        children: vec![],
        cause: None,
    }
}

impl fmt::Display for TExc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.kind {
            Kind::Cancelled => "CancelledError",
            Kind::Value => "ValueError",
            Kind::Type => "TypeError",
            Kind::Runtime => "RuntimeError",
            Kind::InvalidState => "InvalidStateError",
            Kind::Timeout => "TimeoutError",
            Kind::QueueEmpty => "QueueEmpty",
            Kind::QueueFull => "QueueFull",
            Kind::QueueShutDown => "QueueShutDown",
            Kind::BrokenBarrier => "BrokenBarrierError",
            Kind::ExceptionGroup => "ExceptionGroup",
            Kind::BaseExceptionGroup => "BaseExceptionGroup",
            Kind::KeyboardInterrupt => "KeyboardInterrupt",
        };
        write!(f, "{name}(")?;
        if let Some(m) = &self.msg {
            write!(f, "'{m}'")?;
        }
        if matches!(self.kind, Kind::ExceptionGroup | Kind::BaseExceptionGroup) {
            let kids: Vec<String> = self.children.iter().map(|c| c.to_string()).collect();
            write!(f, ", [{}]", kids.join(", "))?;
        }
        write!(f, ")")
    }
}

impl fmt::Display for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Val::None => write!(f, "None"),
            Val::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Val::Int(i) => write!(f, "{i}"),
            Val::Str(s) => write!(f, "'{s}'"),
            Val::List(v) => {
                let items: Vec<String> = v.iter().map(|x| x.to_string()).collect();
                write!(f, "[{}]", items.join(", "))
            }
            Val::Fut(x) => write!(f, "<{x}>"),
            Val::Exc(e) => write!(f, "{e}"),
        }
    }
}

/// Python callables the tests schedule.
#[derive(Clone, Debug, PartialEq)]
pub enum TCb {
    Log(String),
    /// Cancel the task stored in this var.
    Cancel(String),
    /// Logs, runs out of budget, then logs again when continued.
    PauseThenLog(String),
}

#[derive(Default)]
pub struct TestHost {
    pub log: Vec<String>,
    pub vars: HashMap<String, Val>,
    pub reports: Vec<String>,
    /// The exception being handled by the running script's innermost `except`.
    pub caught: Option<TExc>,
    /// A `PauseThenLog` callback waiting to continue.
    pub paused_call: Option<String>,
}

impl TestHost {
    pub fn fut(&self, var: &str) -> FutId {
        match self.vars.get(var) {
            Some(Val::Fut(f)) => *f,
            other => panic!("{var} is not a future: {other:?}"),
        }
    }
}

impl Host for TestHost {
    type Value = Val;
    type Exc = TExc;
    type Coro = ScriptCoro;
    type Callback = TCb;

    fn resume(
        &mut self,
        lp: &mut Loop<Self>,
        task: TaskId,
        coro: &mut ScriptCoro,
        input: Resume<Self>,
    ) -> Step<Self> {
        coro.resume(lp, self, task, input)
    }

    fn call(&mut self, lp: &mut Loop<Self>, cb: TCb, _fut: Option<FutId>) -> Progress {
        match cb {
            TCb::Log(s) => self.log.push(format!("{} {s}", fmt_time(lp.time()))),
            TCb::Cancel(var) => {
                let t = lp.future_task(self.fut(&var)).expect("a task");
                let ok = lp.cancel_task(self, t, None);
                self.log
                    .push(format!("{} cancel {var} {ok}", fmt_time(lp.time())));
            }
            TCb::PauseThenLog(s) => {
                self.log
                    .push(format!("{} {s} (paused)", fmt_time(lp.time())));
                self.paused_call = Some(s);
                return Progress::Paused;
            }
        }
        Progress::Done
    }

    fn continue_call(&mut self, lp: &mut Loop<Self>) -> Progress {
        let s = self.paused_call.take().unwrap_or_default();
        self.log
            .push(format!("{} {s} (continued)", fmt_time(lp.time())));
        Progress::Done
    }

    fn new_exc(&mut self, kind: RuntimeExc<Self>) -> TExc {
        let (kind, msg, children, cause) = match kind {
            RuntimeExc::Cancelled { msg } => (Kind::Cancelled, msg, vec![], None),
            RuntimeExc::InvalidState(m) => (Kind::InvalidState, Some(m.into()), vec![], None),
            RuntimeExc::Runtime(m) => (Kind::Runtime, Some(m.into()), vec![], None),
            RuntimeExc::Value(m) => (Kind::Value, Some(m.into()), vec![], None),
            RuntimeExc::Type(m) => (Kind::Type, Some(m.into()), vec![], None),
            RuntimeExc::Timeout { cause } => (Kind::Timeout, None, vec![], cause.map(Box::new)),
            RuntimeExc::QueueEmpty => (Kind::QueueEmpty, None, vec![], None),
            RuntimeExc::QueueFull => (Kind::QueueFull, None, vec![], None),
            RuntimeExc::QueueShutDown => (Kind::QueueShutDown, None, vec![], None),
            RuntimeExc::BrokenBarrier(m) => (Kind::BrokenBarrier, Some(m.into()), vec![], None),
            RuntimeExc::Group { msg, excs } => {
                let base = excs.iter().any(|e| {
                    matches!(
                        e.kind,
                        Kind::Cancelled | Kind::KeyboardInterrupt | Kind::BaseExceptionGroup
                    )
                });
                let kind = if base {
                    Kind::BaseExceptionGroup
                } else {
                    Kind::ExceptionGroup
                };
                (kind, Some(msg.into()), excs, None)
            }
        };
        TExc {
            kind,
            msg,
            children,
            cause,
        }
    }

    fn classify(&self, e: &TExc) -> ExcClass {
        match e.kind {
            Kind::Cancelled => ExcClass::Cancelled,
            Kind::KeyboardInterrupt => ExcClass::ExitOrInterrupt,
            _ => ExcClass::Exception,
        }
    }

    fn none(&mut self) -> Val {
        Val::None
    }
    fn bool_value(&mut self, b: bool) -> Val {
        Val::Bool(b)
    }
    fn int_value(&mut self, i: i64) -> Val {
        Val::Int(i)
    }
    fn list(&mut self, items: Vec<Val>) -> Val {
        Val::List(items)
    }
    fn exc_value(&mut self, e: TExc) -> Val {
        Val::Exc(Box::new(e))
    }
    fn future_value(&mut self, fut: FutId) -> Val {
        Val::Fut(fut)
    }
    fn less_than(&mut self, a: &Val, b: &Val) -> Result<bool, TExc> {
        fn cmp(a: &Val, b: &Val) -> Option<std::cmp::Ordering> {
            match (a, b) {
                (Val::Int(x), Val::Int(y)) => Some(x.cmp(y)),
                (Val::Str(x), Val::Str(y)) => Some(x.cmp(y)),
                (Val::List(x), Val::List(y)) => {
                    for (p, q) in x.iter().zip(y) {
                        match cmp(p, q)? {
                            std::cmp::Ordering::Equal => continue,
                            o => return Some(o),
                        }
                    }
                    Some(x.len().cmp(&y.len()))
                }
                _ => None,
            }
        }
        match cmp(a, b) {
            Some(o) => Ok(o == std::cmp::Ordering::Less),
            None => Err(exc(Kind::Type, "'<' not supported")),
        }
    }

    fn report(&mut self, _lp: &Loop<Self>, r: Report<Self>) {
        let exc = r.exc.map(|e| e.to_string()).unwrap_or_default();
        self.reports.push(format!("{}: {exc}", r.message));
    }
}

/// A fresh loop (virtual clock at 0, tracing on) and host.
pub fn setup() -> (Loop<TestHost>, TestHost) {
    let mut lp = Loop::default();
    lp.set_tracing(true);
    (lp, TestHost::default())
}

/// `asyncio.run(main)` on a fresh loop: the outcome, the loop (for its trace) and the host.
/// Checks the task invariant after every iteration.
pub fn run_main(main: Script) -> (Result<Val, TExc>, Loop<TestHost>, TestHost) {
    let (mut lp, mut host) = setup();
    let mut runner = Runner::new(&mut lp, main.coro(), None);
    let r = loop {
        match runner.run_once(&mut lp, &mut host) {
            RunStatus::Running => {}
            RunStatus::Finished(r) => break r,
            RunStatus::Deadlocked => panic!("deadlock"),
        }
        if let Err(e) = lp.check_task_invariant() {
            panic!(
                "task invariant broken at t={} iteration {}: {e}",
                lp.time(),
                lp.iteration()
            );
        }
    };
    (r, lp, host)
}

fn state_str(lp: &Loop<TestHost>, s: &TaskState) -> String {
    match s {
        TaskState::Awaiting(w) => {
            let what = match &w.what {
                Waitable::Task(t) => lp.task_name(*t).map(|n| n.to_string()).unwrap_or_default(),
                Waitable::Sleep { .. } => "sleep".into(),
                Waitable::Future => "future".into(),
                Waitable::Gather => "gather".into(),
                Waitable::Shield { .. } => "shield".into(),
                Waitable::Lock(_) => "lock".into(),
                Waitable::Semaphore(_) => "semaphore".into(),
                Waitable::Event(_) => "event".into(),
                Waitable::Condition(_) => "condition".into(),
                Waitable::QueueGet(_) => "queue.get".into(),
                Waitable::QueuePut(_) => "queue.put".into(),
                Waitable::QueueJoin(_) => "queue.join".into(),
                Waitable::Wait => "wait".into(),
                Waitable::AsCompleted => "as_completed".into(),
                Waitable::TaskGroup(_) => "taskgroup".into(),
                Waitable::CancelAndWait { .. } => "cancel_and_wait".into(),
            };
            format!("Awaiting({what})")
        }
        other => format!("{other:?}"),
    }
}

fn cause_str(lp: &Loop<TestHost>, c: &CancelCause) -> String {
    let name = |t: &TaskId| lp.task_name(*t).map(|n| n.to_string()).unwrap_or_default();
    match c {
        CancelCause::User => "user".into(),
        CancelCause::Task { by } => format!("by {}", name(by)),
        CancelCause::Callback => "callback".into(),
        CancelCause::Timeout { .. } => "timeout".into(),
        CancelCause::WaitFor { .. } => "wait_for".into(),
        CancelCause::TaskGroupAbort {
            failed: Some(t), ..
        } => format!("taskgroup({} failed)", name(t)),
        CancelCause::TaskGroupAbort { failed: None, .. } => "taskgroup".into(),
        CancelCause::Shutdown => "shutdown".into(),
        CancelCause::Gather { .. } => "gather".into(),
        CancelCause::Awaiter { task } => format!("awaiter {}", name(task)),
        CancelCause::WaitForZero => "wait_for(0)".into(),
    }
}

/// One event as "<time> <task> <reason> <old>-><new>" (cancel requests: "cancel#id(cause)").
pub fn fmt_event(lp: &Loop<TestHost>, e: &TraceEvent) -> String {
    let reason = match &e.reason {
        Reason::Created => "created".to_string(),
        Reason::StepStarted => "step".into(),
        Reason::CancelledErrorDelivered { .. } => "cancelled-error".into(),
        Reason::ExceptionThrownIn => "throw".into(),
        Reason::Awaiting => "await".into(),
        Reason::Yielded => "yield".into(),
        Reason::WokenBy {
            outcome, request, ..
        } => {
            let req = request.map(|r| format!("<-#{r}")).unwrap_or_default();
            format!("woken({outcome:?}{req})")
        }
        Reason::CancelRequested(r) => {
            let parent = r.parent.map(|p| format!("<-#{p}")).unwrap_or_default();
            format!("cancel#{}({}){parent}", r.id, cause_str(lp, &r.cause))
        }
        Reason::Uncancelled => "uncancel".into(),
        Reason::TimeoutFired { .. } => "timeout-fired".into(),
        Reason::Returned => "returned".into(),
        Reason::Raised => "raised".into(),
        Reason::Cancelled => "cancelled".into(),
        Reason::ExceptionRetrieved => "retrieved".into(),
        Reason::Paused => "paused".into(),
        Reason::ShieldedFromCancel { request, .. } => {
            format!("shielded<-#{}", request.unwrap_or(0))
        }
    };
    format!(
        "{} {} {reason} {}->{} c={}",
        fmt_time(e.time),
        e.name,
        state_str(lp, &e.old),
        state_str(lp, &e.new),
        e.cancelling
    )
}

/// The whole trace so far, formatted; only events of the named tasks if `only` is non-empty.
pub fn trace(lp: &mut Loop<TestHost>, only: &[&str]) -> Vec<String> {
    lp.trace_events()
        .iter()
        .filter(|e| only.is_empty() || only.contains(&&*e.name))
        .map(|e| fmt_event(lp, e))
        .collect()
}

/// `async with asyncio.timeout(delay) as <var>:` around `body` (`timeout_at` when `at`).
pub fn with_timeout(var: &'static str, delay: Option<f64>, body: Script) -> Script {
    with_timeout_impl(var, delay, false, body)
}

/// `async with asyncio.timeout_at(when) as <var>:` around `body`.
pub fn with_timeout_at(var: &'static str, when: Option<f64>, body: Script) -> Script {
    with_timeout_impl(var, when, true, body)
}

fn with_timeout_impl(var: &'static str, t: Option<f64>, at: bool, body: Script) -> Script {
    script()
        .call(move |cx| {
            let id = if at {
                cx.lp.timeout_at(t)
            } else {
                cx.lp.timeout(t)
            };
            cx.set(var, Val::Int(id.0 as i64));
            cx.lp.timeout_enter(cx.host, id)?;
            Ok(None)
        })
        .try_except(
            body,
            Catch::Any,
            script().call(move |cx| {
                let id = TimeoutId(cx.int(var));
                let e = cx.host.caught.clone().expect("caught");
                cx.lp.timeout_exit(cx.host, id, Some(&e))?;
                Err(e)
            }),
        )
        .call(move |cx| {
            let id = TimeoutId(cx.int(var));
            cx.lp.timeout_exit(cx.host, id, None)?;
            Ok(None)
        })
}

/// `async with asyncio.TaskGroup() as <var>:` around `body`, as Python runs it: on an
/// exception, `__aexit__(e)` then re-raise `e` unless `__aexit__` raised; else
/// `__aexit__(None)`.
pub fn with_task_group(var: &'static str, body: Script) -> Script {
    script()
        .call(move |cx| {
            let g = cx.lp.task_group();
            cx.lp.task_group_enter(cx.host, g)?;
            cx.set(var, Val::Int(g.0 as i64));
            Ok(None)
        })
        .try_except(
            body,
            Catch::Any,
            script()
                .native(move |cx| {
                    let e = cx.host.caught.clone();
                    let g = TaskGroupId(cx.int(var));
                    cx.lp.task_group_exit(g, e)
                })
                .reraise(),
        )
        .native(move |cx| {
            let g = TaskGroupId(cx.int(var));
            cx.lp.task_group_exit(g, None)
        })
}

/// `<name> = <var>.create_task(s, name=name)`.
pub fn tg_spawn(cx: &mut Cx, var: &str, name: &str, s: Script) -> Result<TaskId, TExc> {
    let g = TaskGroupId(cx.int(var));
    let t = cx
        .lp
        .task_group_create_task(cx.host, g, s.coro(), Some(name.into()))?;
    let f = cx.lp.task_future(t).unwrap();
    cx.set(name, Val::Fut(f));
    Ok(t)
}

/// child(n, d): try: await sleep(d); return n
///              except CancelledError as e: print("child", n, "cancelled", e); raise
pub fn child(n: i64, d: f64) -> Script {
    script().try_except(
        script().sleep(d).ret(Val::Int(n)),
        Catch::Cancelled,
        script().log_caught("cancelled").reraise(),
    )
}

/// The log without times: "<task>: <msg>" (or the callback's text).
pub fn untimed(log: &[String]) -> Vec<String> {
    log.iter()
        .map(|l| l.split_once(' ').map_or(l.clone(), |x| x.1.to_string()))
        .collect()
}

/// Loop time with at most 3 decimals and no trailing zeros ("0.9", "2").
pub fn fmt_time(t: f64) -> String {
    let s = format!("{t:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Compares `lines` with `src/runtime/tests/golden/<name>.trace`; `UPDATE_GOLDEN=1 cargo test`
/// rewrites the file instead.
pub fn assert_golden(name: &str, lines: &[String]) {
    let path = format!(
        "{}/src/runtime/tests/golden/{name}.trace",
        env!("CARGO_MANIFEST_DIR")
    );
    let header = format!("# @generated by `UPDATE_GOLDEN=1 cargo test --lib runtime` ({name})\n");
    let text = header + &lines.join("\n") + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {path}: run with UPDATE_GOLDEN=1"));
    if want != text {
        let diff: Vec<String> = want
            .lines()
            .zip(text.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(5)
            .map(|(i, (a, b))| format!("line {}: golden `{a}` / now `{b}`", i + 1))
            .collect();
        panic!(
            "{name}.trace differs ({} vs {} lines):\n{}",
            want.lines().count(),
            text.lines().count(),
            diff.join("\n")
        );
    }
}
