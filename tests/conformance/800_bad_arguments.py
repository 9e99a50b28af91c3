# cpython: 3.12+ (why: wait_for awaits inside timeout() since 3.12, so awaiting an int fails there)
# Wrong argument types and values to asyncio's functions and methods: the exception and
# message CPython 3.14 gives for each (issue 8, "bad input everywhere").
import asyncio


async def coro():
    return 1


def show(label, f):
    try:
        r = f()
        if asyncio.iscoroutine(r):
            r.close()
        print(label, "->", "no error")
    except BaseException as e:
        print(label, "->", type(e).__name__ + ":", e)


async def ashow(label, make, *unused):
    try:
        await make()
        print(label, "->", "no error")
    except BaseException as e:
        print(label, "->", type(e).__name__ + ":", e)
    for c in unused:
        c.close()


async def main():
    loop = asyncio.get_running_loop()
    show("create_task(1)", lambda: asyncio.create_task(1))
    show("create_task(None)", lambda: asyncio.create_task(None))
    show("ensure_future(1)", lambda: asyncio.ensure_future(1))
    show("ensure_future('x')", lambda: asyncio.ensure_future("x"))
    await ashow("sleep('1')", lambda: asyncio.sleep("1"))
    await ashow("sleep(None)", lambda: asyncio.sleep(None))
    await ashow("gather(1)", lambda: asyncio.gather(1))
    await ashow("gather(coro)", lambda: asyncio.gather(coro))
    await ashow("wait_for(1, 1)", lambda: asyncio.wait_for(1, 1))
    c = coro()
    await ashow("wait_for(coro(), 'x')", lambda: asyncio.wait_for(c, "x"), c)
    await ashow("shield(1)", lambda: asyncio.shield(1))
    await ashow("wait([])", lambda: asyncio.wait([]))
    c = coro()
    await ashow("wait(coro())", lambda: asyncio.wait(c), c)
    c = coro()
    await ashow("wait([coro()])", lambda: asyncio.wait([c]), c)
    await ashow("wait(set(), return_when='x')", lambda: asyncio.wait({asyncio.create_task(coro())}, return_when="x"))
    show("as_completed(1)", lambda: asyncio.as_completed(1))
    show("as_completed([])", lambda: list(asyncio.as_completed([])))
    c = asyncio.sleep(0)
    await ashow("wait_for(timeout='x')", lambda: asyncio.wait_for(c, timeout="x"), c)
    show("Semaphore(-1)", lambda: asyncio.Semaphore(-1))
    show("call_later('x', print)", lambda: loop.call_later("x", print))
    show("call_at(None, print)", lambda: loop.call_at(None, print))
    t = asyncio.create_task(coro())
    show("task.set_name(1) then name", lambda: (t.set_name(1), print("  name:", repr(t.get_name()))))
    await t
    f = loop.create_future()
    show("future.set_exception(1)", lambda: f.set_exception(1))
    show("future.set_exception(StopIteration())", lambda: f.set_exception(StopIteration()))
    show("future.set_exception(ValueError)", lambda: f.set_exception(ValueError))
    print("  exception:", repr(f.exception()))
    q = asyncio.Queue()
    show("queue.get_nowait() empty", q.get_nowait)
    q2 = asyncio.Queue(1)
    q2.put_nowait(1)
    show("queue.put_nowait() full", lambda: q2.put_nowait(2))
    show("queue.task_done() too many", q.task_done)
    async with asyncio.TaskGroup() as tg:
        show("tg.create_task(1)", lambda: tg.create_task(1))
    show("tg.create_task after exit", lambda: tg.create_task(coro()))


asyncio.run(main())
