//! Each lint's positive and negative cases, on whole programs run like the CLI runs them.

use super::{check, Lint, LintKind};
use crate::lang::vm::session::{Session, Status};

/// Runs `source` to the end with the linter on (`slow` overrides the step threshold).
pub(super) fn lints_with(source: &str, slow: Option<f64>) -> Vec<Lint> {
    let mut s = Session::new(source, "main.py");
    s.vm.tracing = true;
    if let Some(secs) = slow {
        s.vm.slow_step.0 = secs;
    }
    let (mut trace, mut facts) = (Vec::new(), Vec::new());
    loop {
        let status = s.step(100_000);
        trace.extend(s.take_trace());
        facts.extend(s.vm.take_facts());
        if let Status::Finished { .. } = status {
            break;
        }
    }
    check(source, &trace, &facts)
}

/// `(kind, line, task name)` of each lint.
fn found(source: &str) -> Vec<(LintKind, Option<u32>, Option<String>)> {
    lints_with(source, None)
        .into_iter()
        .map(|l| (l.kind, l.line, l.task_name.map(|n| n.to_string())))
        .collect()
}

fn one(kind: LintKind, line: u32, task: &str) -> Vec<(LintKind, Option<u32>, Option<String>)> {
    vec![(kind, Some(line), Some(task.to_string()))]
}

const WORK: &str = "import asyncio\n\nasync def work():\n    await asyncio.sleep(0.1)\n\n";

#[test]
fn never_awaited_coroutine_is_reported_where_it_was_dropped() {
    let src = format!("{WORK}async def main():\n    work()\n\nasyncio.run(main())\n");
    assert_eq!(found(&src), one(LintKind::NeverAwaited, 7, "Task-1"));
    let l = &lints_with(&src, None)[0];
    assert!(l
        .message
        .starts_with("coroutine 'work' was created in Task-1 but never awaited"));
    assert_eq!(
        l.render("main.py").split(": ").nth(1),
        Some("never-awaited")
    );
}

#[test]
fn never_awaited_at_module_level_names_no_task() {
    let src = format!("{WORK}work()\n");
    assert_eq!(found(&src), vec![(LintKind::NeverAwaited, Some(6), None)]);
}

#[test]
fn awaited_or_closed_coroutines_are_not_reported() {
    let src = format!(
        "{WORK}async def main():\n    await work()\n    c = work()\n    c.close()\n\nasyncio.run(main())\n"
    );
    assert_eq!(found(&src), vec![]);
}

#[test]
fn discarded_create_task_and_ensure_future_results_are_reported() {
    let src = format!(
        "{WORK}async def main():\n    asyncio.create_task(work(), name='w1')\n    \
         asyncio.ensure_future(work())\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n"
    );
    let got = found(&src);
    assert_eq!(
        got,
        vec![
            (LintKind::TaskDiscarded, Some(7), Some("w1".into())),
            // Named tasks take no number from the counter (CPython's `_task_name_counter`).
            (LintKind::TaskDiscarded, Some(8), Some("Task-2".into())),
        ]
    );
    let l = &lints_with(&src, None)[0];
    assert!(l
        .message
        .starts_with("Task-1 dropped the only reference to the new task w1"));
    assert!(l.message.contains("TaskGroup"));
}

#[test]
fn kept_tasks_and_task_group_children_are_not_reported() {
    let src = format!(
        "{WORK}async def main():\n    t = asyncio.create_task(work())\n    keep = set()\n    \
         keep.add(asyncio.create_task(work()))\n    async with asyncio.TaskGroup() as tg:\n        \
         tg.create_task(work())\n    await t\n    await asyncio.gather(*keep)\n\nasyncio.run(main())\n"
    );
    assert_eq!(found(&src), vec![]);
}

const SWALLOW: &str = "import asyncio

async def stubborn(mode):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        if mode == 'reraise':
            raise
        if mode == 'convert':
            raise RuntimeError('converted')
        if mode == 'uncancel':
            asyncio.current_task().uncancel()
    return 'done'

async def main(mode):
    t = asyncio.create_task(stubborn(mode))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except BaseException:
        pass

";

#[test]
fn swallowed_cancellation_is_reported_at_the_await_it_was_delivered_to() {
    let src = format!("{SWALLOW}asyncio.run(main('swallow'))\n");
    assert_eq!(found(&src), one(LintKind::CancelSwallowed, 5, "Task-2"));
    let l = &lints_with(&src, None)[0];
    assert!(
        l.message.contains("cancelling() is still 1"),
        "{}",
        l.message
    );
}

#[test]
fn reraised_uncancelled_or_converted_cancellations_are_not_reported() {
    for mode in ["reraise", "uncancel", "convert"] {
        let src = format!("{SWALLOW}asyncio.run(main('{mode}'))\n");
        assert_eq!(found(&src), vec![], "mode {mode}");
    }
}

#[test]
fn timeouts_and_task_groups_that_uncancel_are_not_swallowing() {
    let src = "import asyncio

async def boom():
    await asyncio.sleep(0.01)
    raise ValueError('x')

async def main():
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(1)
    except TimeoutError:
        pass
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom())
            await asyncio.sleep(1)
    except* ValueError:
        pass
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except TimeoutError:
        pass

asyncio.run(main())
";
    assert_eq!(found(src), vec![]);
}

const CRUNCH: &str = "import asyncio

async def crunch(n):
    total = 0
    for i in range(n):
        total += i
        if i % 1000 == 999:
            await asyncio.sleep(0)
    return total

async def hog():
    total = 0
    for i in range(300000):
        total += i
    return total

";

#[test]
fn a_step_running_too_many_instructions_blocks_the_loop() {
    let src = format!("{CRUNCH}async def main():\n    await hog()\n\nasyncio.run(main())\n");
    // `await hog()` runs hog inline: main's first step, from its first line, is the hog.
    assert_eq!(found(&src), one(LintKind::BlockingStep, 18, "Task-1"));
}

/// In the page a step pauses every slice: a task that never awaits is reported while it
/// still runs (once, not again when or if it ends), so the Lints tab says why nothing moves.
#[test]
fn a_step_that_never_ends_is_reported_while_it_runs() {
    let src = "import asyncio\n\nasync def spin():\n    while True:\n        pass\n\nasync def main():\n    await asyncio.create_task(spin())\n\nasyncio.run(main())\n";
    let mut s = Session::new(src, "main.py");
    s.vm.tracing = true;
    let (mut trace, mut facts) = (Vec::new(), Vec::new());
    for _ in 0..200 {
        assert!(matches!(s.step_with(100, 20_000), Status::Running));
        trace.extend(s.take_trace());
        facts.extend(s.vm.take_facts());
    }
    let lints = check(src, &trace, &facts);
    assert_eq!(lints.len(), 1, "{lints:?}");
    let l = &lints[0];
    assert_eq!((l.kind, l.line), (LintKind::BlockingStep, Some(4)));
    assert!(
        l.message.contains("Task-2 has not awaited for more than")
            && l.message.contains("still running"),
        "{}",
        l.message
    );
}

#[test]
fn work_split_by_awaits_does_not_block() {
    let src =
        format!("{CRUNCH}async def main():\n    await crunch(300000)\n\nasyncio.run(main())\n");
    assert_eq!(found(&src), vec![]);
}

const SLEEPY: &str = "import asyncio
import time

async def main():
    await asyncio.sleep(0)
    time.sleep(0.2)

time.sleep(0.01)
asyncio.run(main())
";

#[test]
fn time_sleep_in_a_task_blocks_the_loop_in_loop_time_too() {
    let got = lints_with(SLEEPY, None);
    let kinds: Vec<_> = got.iter().map(|l| (l.kind, l.line)).collect();
    assert_eq!(
        kinds,
        vec![
            (LintKind::BlockingSleep, Some(6)),
            // The step after `await asyncio.sleep(0)` took 0.2 s of loop time.
            (LintKind::BlockingStep, Some(5)),
        ]
    );
    assert!(got[0].message.contains("use await asyncio.sleep(0.2)"));
    assert!(
        got[1].message.contains("0.200 s of loop time"),
        "{}",
        got[1].message
    );
}

#[test]
fn the_slow_step_threshold_is_configurable_and_module_level_sleep_is_fine() {
    let got: Vec<_> = lints_with(SLEEPY, Some(0.5))
        .into_iter()
        .map(|l| l.kind)
        .collect();
    assert_eq!(got, vec![LintKind::BlockingSleep]);
}

const FAILING: &str = "import asyncio

async def fail():
    await asyncio.sleep(0.01)
    raise ValueError('boom')

";

#[test]
fn an_exception_nobody_retrieved_is_reported_at_its_raise() {
    let src = format!(
        "{FAILING}async def main():\n    t = asyncio.create_task(fail())\n    \
         await asyncio.sleep(1)\n\nasyncio.run(main())\n"
    );
    assert_eq!(
        found(&src),
        one(LintKind::ExceptionNeverRetrieved, 5, "Task-2")
    );
    let l = &lints_with(&src, None)[0];
    assert!(l
        .message
        .starts_with("Task-2 failed with ValueError('boom')"));
}

#[test]
fn awaited_gathered_or_inspected_failures_are_not_reported() {
    for how in [
        "    try:\n        await t\n    except ValueError:\n        pass\n",
        "    await asyncio.gather(t, return_exceptions=True)\n",
        "    await asyncio.sleep(1)\n    t.exception()\n",
    ] {
        let src = format!(
            "{FAILING}async def main():\n    t = asyncio.create_task(fail())\n{how}\nasyncio.run(main())\n"
        );
        assert_eq!(found(&src), vec![], "{how}");
    }
}

#[test]
fn a_deadlock_reports_every_task_awaiting_forever() {
    let src = "import asyncio

async def waiter(ev):
    await ev.wait()

async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev))
    await t

asyncio.run(main())
";
    let got = lints_with(src, None);
    let kinds: Vec<_> = got
        .iter()
        .map(|l| (l.kind, l.line, l.task_name.as_deref().map(String::from)))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (LintKind::AwaitedForever, Some(9), Some("Task-1".into())),
            (LintKind::AwaitedForever, Some(4), Some("Task-2".into())),
        ]
    );
    // Named by the assignment that created it (`ev = asyncio.Event()` in main).
    assert_eq!(
        got[1].message,
        "Task-2 waits on Event ev forever: every task is waiting and no callback or timer is \
         pending, so no task will set ev (a deadlock)"
    );
    assert!(
        got[0].message.starts_with("Task-1 waits on Task-2 forever"),
        "{}",
        got[0].message
    );
}

#[test]
fn a_queue_nobody_puts_to_is_diagnosed_in_words() {
    let src = "import asyncio

async def main():
    q = asyncio.Queue()
    await q.get()

asyncio.run(main())
";
    let got = lints_with(src, None);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].line, Some(5));
    assert_eq!(
        got[0].message,
        "Task-1 waits on Queue q (get) forever: every task is waiting and no callback or \
         timer is pending, so no task will put to q (a deadlock)"
    );
}

#[test]
fn an_event_someone_sets_is_not_a_deadlock() {
    let src = "import asyncio

async def waiter(ev):
    await ev.wait()

async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev))
    await asyncio.sleep(0.1)
    ev.set()
    await t

asyncio.run(main())
";
    assert_eq!(found(src), vec![]);
}

#[test]
fn every_kind_has_a_code_title_and_docs_link() {
    for k in LintKind::ALL {
        assert!(!k.code().is_empty() && !k.title().is_empty());
        assert!(k
            .docs_url()
            .starts_with("https://docs.python.org/3/library/asyncio"));
    }
}

#[test]
fn a_time_sleep_in_a_loop_is_one_fact_and_one_lint() {
    let src =
        "import asyncio\nimport time\n\nasync def main():\n    for _ in range(5000):\n        \
               time.sleep(0)\n\nasyncio.run(main())\n";
    let mut s = Session::new(src, "main.py");
    s.vm.tracing = true;
    while let Status::Running = s.step(100_000) {}
    let facts = s.vm.take_facts();
    assert_eq!(facts.len(), 1, "{facts:?}");
    let lints = check(src, &s.take_trace(), &facts);
    assert_eq!(lints.len(), 1);
    assert_eq!(
        (lints[0].kind, lints[0].line),
        (LintKind::BlockingSleep, Some(6))
    );
}

#[test]
fn feeding_batches_as_they_come_finds_what_one_pass_finds() {
    let src = format!("{SWALLOW}asyncio.run(main('swallow'))\n");
    let src = src.replace(
        "    t.cancel()\n",
        "    t.cancel()\n    asyncio.create_task(stubborn('x'))\n",
    );
    let mut s = Session::new(&src, "main.py");
    s.vm.tracing = true;
    let mut live = super::Linter::new(&src);
    let (mut trace, mut facts) = (Vec::new(), Vec::new());
    loop {
        let status = s.step(1);
        let (t, f) = (s.take_trace(), s.vm.take_facts());
        live.feed_trace(&t);
        live.feed_facts(&f);
        trace.extend(t);
        facts.extend(f);
        if let Status::Finished { .. } = status {
            break;
        }
    }
    let whole = check(&src, &trace, &facts);
    assert_eq!(live.lints(), whole.as_slice());
    let kinds: Vec<_> = whole.iter().map(|l| l.kind).collect();
    // The discarded task swallows asyncio.run's shutdown cancel too.
    assert_eq!(
        kinds,
        [
            LintKind::TaskDiscarded,
            LintKind::CancelSwallowed,
            LintKind::CancelSwallowed
        ]
    );
}

#[test]
fn a_future_nobody_completes_is_named_in_the_deadlock() {
    let src = "import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    await fut

asyncio.run(main())
";
    let got = lints_with(src, None);
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].message,
        "Task-1 waits on Future fut forever: every task is waiting and no callback or timer \
         is pending, so no code will set a result on fut (a deadlock)"
    );
}

#[test]
fn many_lints_of_one_kind_on_one_line_are_kept_up_to_a_cap_and_counted_after() {
    let src = "import asyncio\n\nasync def work():\n    await asyncio.sleep(0.1)\n\nasync def main():\n    for i in range(50):\n        asyncio.create_task(work())\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n";
    let mut s = Session::new(src, "main.py");
    s.vm.tracing = true;
    let mut linter = super::Linter::new(src);
    loop {
        let status = s.step(100_000);
        linter.feed_trace(&s.take_trace());
        linter.feed_facts(&s.vm.take_facts());
        if let Status::Finished { .. } = status {
            break;
        }
    }
    let kept = linter.lints();
    assert_eq!(kept.len(), super::SAME_PLACE_MAX);
    assert!(kept
        .iter()
        .all(|l| l.kind == LintKind::TaskDiscarded && l.line == Some(8)));
    assert_eq!(
        linter.more(),
        vec![(
            LintKind::TaskDiscarded,
            Some(8),
            50 - super::SAME_PLACE_MAX as u32
        )]
    );
    assert_eq!(linter.total(), 50);
}
