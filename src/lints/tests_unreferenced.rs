//! "Awaited forever" while the program goes on: a task waits on an object nothing but
//! itself references (`lang::vm::reach`). Positive cases, and the negatives that must stay
//! silent: someone holds the object, a callback or a stored value does, a timeout ends the
//! wait, shutdown is under way.

use super::tests::lints_with;
use super::LintKind;

/// `(line, task, message)` of each awaited-forever lint.
fn forever(src: &str) -> Vec<(Option<u32>, String, String)> {
    lints_with(src, None)
        .into_iter()
        .filter(|l| l.kind == LintKind::AwaitedForever)
        .map(|l| {
            (
                l.line,
                l.task_name.map(|n| n.to_string()).unwrap_or_default(),
                l.message,
            )
        })
        .collect()
}

const CONSUMER: &str = "import asyncio

async def consumer(q):
    item = await q.get()
    print('got', item)

";

#[test]
fn a_queue_only_its_consumer_can_reach_is_reported_while_main_goes_on() {
    let src = format!(
        "{CONSUMER}async def start():
    q = asyncio.Queue()
    return asyncio.create_task(consumer(q), name='consumer')

async def main():
    t = await start()
    await asyncio.sleep(1)
    t.cancel()

asyncio.run(main())
"
    );
    let got = forever(&src);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, Some(4));
    assert_eq!(got[0].1, "consumer");
    assert_eq!(
        got[0].2,
        "consumer waits on Queue q (get) forever: no other task, global variable, callback \
         or stored value references q, so no task will put to q and only cancelling consumer \
         can end the wait: keep q where the code that should complete the wait can reach it"
    );
}

#[test]
fn a_future_of_its_own_nobody_else_holds_is_reported() {
    let src = "import asyncio

async def waiter():
    fut = asyncio.get_running_loop().create_future()
    await fut

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    t.cancel()

asyncio.run(main())
";
    let got = forever(src);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1.as_str()), (Some(5), "Task-2"));
    assert!(got[0].2.contains("Future fut forever"), "{}", got[0].2);
    assert!(
        got[0].2.contains("no code will set a result on fut"),
        "{}",
        got[0].2
    );
}

#[test]
fn a_lock_its_waiter_already_holds_is_reported() {
    let src = "import asyncio

async def twice():
    lock = asyncio.Lock()
    async with lock:
        async with lock:
            pass

async def main():
    t = asyncio.create_task(twice())
    await asyncio.sleep(1)
    t.cancel()

asyncio.run(main())
";
    let got = forever(src);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].2.contains("Lock lock forever"), "{}", got[0].2);
    assert!(
        got[0].2.contains("no task will release lock"),
        "{}",
        got[0].2
    );
}

#[test]
fn a_reference_anywhere_else_keeps_it_silent() {
    let holders = [
        // main still holds q in a local.
        "    q = asyncio.Queue()\n    t = asyncio.create_task(consumer(q))\n    await asyncio.sleep(1)\n    q.put_nowait(1)\n    await t\n",
        // A global.
        "    global Q\n    Q = asyncio.Queue()\n    t = asyncio.create_task(consumer(Q))\n    await asyncio.sleep(1)\n    t.cancel()\n",
        // A timer's callback (a bound method of q).
        "    t = asyncio.create_task(consumer(make_queue_with_timer()))\n    await asyncio.sleep(1)\n    await t\n",
        // An item of another queue that main holds.
        "    outer = asyncio.Queue()\n    q = asyncio.Queue()\n    outer.put_nowait(q)\n    del q\n    t = asyncio.create_task(consumer(outer.get_nowait() if False else peek(outer)))\n    await asyncio.sleep(1)\n    t.cancel()\n",
        // Another task that will put, sleeping first.
        "    t = asyncio.create_task(consumer(pair()))\n    await asyncio.sleep(1)\n    await t\n",
        // A closure cell of a function main holds.
        "    q = asyncio.Queue()\n    put = putter(q)\n    t = asyncio.create_task(consumer(q))\n    del q\n    await asyncio.sleep(1)\n    put()\n    await t\n",
    ];
    let helpers = "def make_queue_with_timer():
    q = asyncio.Queue()
    asyncio.get_running_loop().call_later(0.5, q.put_nowait, 1)
    return q

def peek(outer):
    q = outer.get_nowait()
    outer.put_nowait(q)
    return q

async def producer(q):
    await asyncio.sleep(0.5)
    await q.put(2)

def putter(q):
    return lambda: q.put_nowait(1)

def pair():
    q = asyncio.Queue()
    asyncio.create_task(producer(q))
    return q

";
    for body in holders {
        let src = format!("{CONSUMER}{helpers}async def main():\n{body}\nasyncio.run(main())\n");
        assert_eq!(forever(&src), vec![], "{body}");
    }
}

#[test]
fn a_timeout_or_wait_for_around_the_wait_keeps_it_silent() {
    let src = "import asyncio

async def main():
    try:
        async with asyncio.timeout(0.5):
            await asyncio.Event().wait()
    except TimeoutError:
        print('timed out')
    try:
        await asyncio.wait_for(asyncio.Queue().get(), 0.5)
    except TimeoutError:
        print('timed out again')

asyncio.run(main())
";
    assert_eq!(forever(src), vec![]);
}

#[test]
fn waits_left_at_shutdown_are_not_reported() {
    // main returns while the consumer still waits: asyncio.run cancels it, as designed.
    let src = format!(
        "{CONSUMER}async def main():
    asyncio.create_task(consumer(asyncio.Queue()))
    await asyncio.sleep(0)

asyncio.run(main())
"
    );
    let got: Vec<_> = forever(&src);
    assert_eq!(got, vec![]);
}

#[test]
fn tasks_awaiting_each_other_end_in_a_clear_deadlock_not_a_crash() {
    // CPython recurses in Task.cancel until the stack gives out; here the ring of cancels
    // stops, and the run ends with the deadlock error.
    let src = "import asyncio

async def a():
    await asyncio.sleep(0.1)
    await tb

async def b():
    await asyncio.sleep(0.1)
    await ta

async def main():
    global ta, tb
    ta = asyncio.create_task(a(), name='A')
    tb = asyncio.create_task(b(), name='B')
    await asyncio.sleep(1)
    ta.cancel()

asyncio.run(main())
";
    let got = forever(src);
    let who: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(who, vec!["A", "B"], "{got:?}");
}
