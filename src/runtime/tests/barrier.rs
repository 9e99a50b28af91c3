//! Barrier, mirroring tests/py/barrier1.py run on CPython 3.14.

use crate::runtime::testing::*;
use crate::runtime::*;

fn res(cx: &Cx, var: &str) -> ResourceId {
    ResourceId(cx.int(var))
}

/// tests/py/barrier1.py; CPython 3.14 prints:
/// arrive 0 0 / arrive 1 1 / arrive 2 2 / pass 2 2 / pass 0 0 / pass 1 1 / after round 1 0 False /
/// arrive 3 0 / arrive 4 1 / arrive 5 2 / pass 5 2 / pass 3 0 / pass 4 1 /
/// broken 0 Abort or reset of barrier / broken 1 Abort or reset of barrier / aborted True /
/// wait on broken: Barrier aborted / reset False 0 / n_waiting 1 / cancelled waiter 0 /
/// broken 0 Abort or reset of barrier / broken 1 Abort or reset of barrier / after reset False 0
#[test]
fn barrier_rounds_abort_reset_and_cancel() {
    fn w(n: i64, d: f64) -> Script {
        script()
            .sleep(d)
            .run(move |cx| {
                let k = cx.lp.barrier_n_waiting(res(cx, "b"));
                cx.log(&format!("arrive {n} {k}"));
            })
            .native(|cx| cx.lp.barrier_wait(res(cx, "b")))
            .log_acc(["pass 0", "pass 1", "pass 2", "pass 3", "pass 4", "pass 5"][n as usize])
    }
    fn waiter() -> Script {
        script().try_except(
            script().native(|cx| cx.lp.barrier_wait(res(cx, "b"))),
            Catch::Only(Kind::BrokenBarrier),
            script().log_caught("broken"),
        )
    }
    fn round(cx: &mut Cx, names: &[(&str, Script)]) -> Option<Val> {
        for (n, s) in names {
            cx.spawn(n, s.clone());
        }
        let fs = names.iter().map(|(n, _)| cx.fut(n)).collect();
        Some(Val::Fut(cx.lp.gather(cx.host, fs, false)))
    }
    let state = |label: &'static str| {
        script().run(move |cx| {
            let b = res(cx, "b");
            let line = format!(
                "{label} {} {}",
                cx.lp.barrier_broken(b),
                cx.lp.barrier_n_waiting(b)
            );
            cx.log(&line);
        })
    };
    let main = script()
        .call(|cx| {
            let b = cx.lp.new_barrier(cx.host, 3)?;
            cx.set("b", Val::Int(b.0 as i64));
            Ok(round(
                cx,
                &[("w0", w(0, 0.1)), ("w1", w(1, 0.2)), ("w2", w(2, 0.3))],
            ))
        })
        .store("g")
        .await_("g")
        .then(state("after round 1"))
        .call(|cx| {
            Ok(round(
                cx,
                &[("w3", w(3, 0.1)), ("w4", w(4, 0.1)), ("w5", w(5, 0.1))],
            ))
        })
        .store("g")
        .await_("g")
        .run(|cx| {
            cx.spawn("x0", waiter());
            cx.spawn("x1", waiter());
        })
        .sleep(0.1)
        .native(|cx| cx.lp.barrier_abort(res(cx, "b")))
        .call(|cx| {
            let fs = vec![cx.fut("x0"), cx.fut("x1")];
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, false))))
        })
        .store("g")
        .await_("g")
        .then(state("aborted"))
        .try_except(
            script().native(|cx| cx.lp.barrier_wait(res(cx, "b"))),
            Catch::Only(Kind::BrokenBarrier),
            script().log_caught("wait on broken:"),
        )
        .native(|cx| cx.lp.barrier_reset(res(cx, "b")))
        .then(state("reset"))
        // a cancelled waiter leaves the count as it was
        .call(|cx| {
            let b2 = cx.lp.new_barrier(cx.host, 2)?;
            cx.set("b2", Val::Int(b2.0 as i64));
            cx.spawn("t", script().native(|cx| cx.lp.barrier_wait(res(cx, "b2"))));
            Ok(None)
        })
        .sleep(0.1)
        .run(|cx| {
            let k = cx.lp.barrier_n_waiting(res(cx, "b2"));
            cx.log(&format!("n_waiting {k}"));
            let t = cx.task_of("t");
            cx.lp.cancel_task(cx.host, t, None);
        })
        .try_except(
            script().await_("t"),
            Catch::Cancelled,
            script().run(|cx| {
                let k = cx.lp.barrier_n_waiting(res(cx, "b2"));
                cx.log(&format!("cancelled waiter {k}"));
            }),
        )
        // reset while two wait
        .run(|cx| {
            cx.spawn("y0", waiter());
            cx.spawn("y1", waiter());
        })
        .sleep(0.1)
        .native(|cx| cx.lp.barrier_reset(res(cx, "b")))
        .call(|cx| {
            let fs = vec![cx.fut("y0"), cx.fut("y1")];
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, false))))
        })
        .store("g")
        .await_("g")
        .then(state("after reset"));
    let (r, lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    let broken = "broken BrokenBarrierError('Abort or reset of barrier')";
    assert_eq!(
        untimed(&host.log),
        [
            "w0: arrive 0 0".to_string(),
            "w1: arrive 1 1".into(),
            "w2: arrive 2 2".into(),
            "w2: pass 2 2".into(),
            "w0: pass 0 0".into(),
            "w1: pass 1 1".into(),
            "Task-1: after round 1 false 0".into(),
            "w3: arrive 3 0".into(),
            "w4: arrive 4 1".into(),
            "w5: arrive 5 2".into(),
            "w5: pass 5 2".into(),
            "w3: pass 3 0".into(),
            "w4: pass 4 1".into(),
            format!("x0: {broken}"),
            format!("x1: {broken}"),
            "Task-1: aborted true 0".into(),
            "Task-1: wait on broken: BrokenBarrierError('Barrier aborted')".into(),
            "Task-1: reset false 0".into(),
            "Task-1: n_waiting 1".into(),
            "Task-1: cancelled waiter 0".into(),
            format!("y0: {broken}"),
            format!("y1: {broken}"),
            "Task-1: after reset false 0".into(),
        ]
    );
    assert_eq!(
        lp.resources()
            .iter()
            .filter(|r| r.kind == "Barrier")
            .count(),
        2
    );
}
