//! asyncio.wait and as_completed, mirroring tests/py/wait1.py run on CPython 3.14.

use crate::runtime::testing::*;
use crate::runtime::*;

fn job(n: i64, d: f64, fail: bool) -> Script {
    let s = script().sleep(d);
    if fail {
        s.raise(exc(Kind::Value, &n.to_string()))
    } else {
        s.ret(Val::Int(n))
    }
}

/// Names of the futures in `wait`'s (done, pending) result, sorted.
fn done_pending(cx: &Cx) -> String {
    let Some(Val::List(sides)) = cx.host.vars.get("_acc").cloned() else {
        panic!("not a wait result")
    };
    let names: Vec<Vec<String>> = sides
        .iter()
        .map(|side| {
            let Val::List(fs) = side else { panic!() };
            let mut v: Vec<String> = fs
                .iter()
                .map(|f| match f {
                    Val::Fut(f) => cx
                        .lp
                        .task_name(cx.lp.future_task(*f).unwrap())
                        .unwrap()
                        .to_string(),
                    _ => panic!(),
                })
                .collect();
            v.sort();
            v
        })
        .collect();
    format!("{:?} {:?}", names[0], names[1])
}

fn wait_on(
    names: &'static [&'static str],
    timeout: Option<f64>,
    rw: ReturnWhen,
) -> impl Fn(&mut Cx) -> Native<TestHost> {
    move |cx| wait(names.iter().map(|n| cx.fut(n)).collect(), timeout, rw)
}

/// tests/py/wait1.py; CPython 3.14 prints (times drift there; ours are exact):
/// first completed [1] [0, 2] 0.1 / first exception [1, 2] [0] 0.2 / timeout [1, 2] [0] /
/// all [0, 1, 2] [] / ValueError('Set of Tasks/Futures is empty.') / got 1 / got 2 / got 0 /
/// async got 1 / as_completed timeout
#[test]
fn wait_modes_timeout_and_as_completed() {
    const JS: &[&str] = &["j0", "j1", "j2"];
    let main = script()
        .run(|cx| {
            cx.spawn("j0", job(0, 0.3, false));
            cx.spawn("j1", job(1, 0.1, false));
            cx.spawn("j2", job(2, 0.2, true));
        })
        .native(wait_on(JS, None, ReturnWhen::FirstCompleted))
        .run(|cx| {
            let s = done_pending(cx);
            cx.log(&format!("first completed {s}"));
        })
        .native(wait_on(JS, None, ReturnWhen::FirstException))
        .run(|cx| {
            let s = done_pending(cx);
            cx.log(&format!("first exception {s}"));
        })
        .native(wait_on(JS, Some(0.05), ReturnWhen::AllCompleted))
        .run(|cx| {
            let s = done_pending(cx);
            cx.log(&format!("timeout {s}"));
        })
        .native(wait_on(JS, None, ReturnWhen::AllCompleted))
        .run(|cx| {
            let s = done_pending(cx);
            cx.log(&format!("all {s}"));
        })
        .try_except(
            script().native(wait_on(&[], None, ReturnWhen::AllCompleted)),
            Catch::Only(Kind::Value),
            script().log_caught("empty"),
        )
        // plain iteration: each step returns the next result
        .run(|cx| {
            cx.spawn("a0", job(0, 0.3, false));
            cx.spawn("a1", job(1, 0.1, false));
            cx.spawn("a2", job(2, 0.2, false));
            let fs = ["a0", "a1", "a2"].iter().map(|n| cx.fut(n)).collect();
            let id = cx.lp.as_completed(fs, None);
            cx.set("ac", Val::Int(id.0 as i64));
        })
        .then(as_completed_step("ac", true, "got"))
        .then(as_completed_step("ac", true, "got"))
        .then(as_completed_step("ac", true, "got"))
        .run(|cx| {
            let id = AsCompletedId(cx.int("ac"));
            let exhausted = cx.lp.as_completed_next(id, true).is_none();
            cx.log(&format!("exhausted {exhausted}"));
        })
        // async iteration with a timeout: futures, then TimeoutError
        .run(|cx| {
            cx.spawn("b0", job(0, 0.3, false));
            cx.spawn("b1", job(1, 0.1, false));
            cx.spawn("b2", job(2, 0.2, false));
            let fs = ["b0", "b1", "b2"].iter().map(|n| cx.fut(n)).collect();
            let id = cx.lp.as_completed(fs, Some(0.15));
            cx.set("ac2", Val::Int(id.0 as i64));
        })
        .try_except(
            script()
                .then(as_completed_step("ac2", false, "async got"))
                .then(as_completed_step("ac2", false, "async got")),
            Catch::Only(Kind::Timeout),
            script().log("as_completed timeout"),
        );
    let (r, _lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0.1 Task-1: first completed [\"j1\"] [\"j0\", \"j2\"]",
            "0.2 Task-1: first exception [\"j1\", \"j2\"] [\"j0\"]",
            "0.25 Task-1: timeout [\"j1\", \"j2\"] [\"j0\"]",
            "0.3 Task-1: all [\"j0\", \"j1\", \"j2\"] []",
            "0.3 Task-1: empty ValueError('Set of Tasks/Futures is empty.')",
            "0.4 Task-1: got 1",
            "0.5 Task-1: got 2",
            "0.6 Task-1: got 0",
            "0.6 Task-1: exhausted true",
            "0.7 Task-1: async got 1",
            "0.75 Task-1: as_completed timeout",
        ]
    );
}

/// One `as_completed` step: the result (`resolve`) or the future's result, logged.
fn as_completed_step(var: &'static str, resolve: bool, label: &'static str) -> Script {
    script()
        .native(move |cx| {
            let id = AsCompletedId(cx.int(var));
            cx.lp.as_completed_next(id, resolve).expect("not exhausted")
        })
        .call(move |cx| {
            let v = match cx.host.vars["_acc"].clone() {
                Val::Fut(f) => cx.lp.future_result(cx.host, f)?,
                v => v,
            };
            cx.log(&format!("{label} {v}"));
            Ok(None)
        })
}
