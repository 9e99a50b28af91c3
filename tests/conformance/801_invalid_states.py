# cpython: 3.12+ (why: Queue.shutdown/QueueShutDown are new in 3.13; wait_for awaits inside timeout() since 3.12)
# Operations in the wrong state: the exception and message CPython 3.14 gives for each
# (issue 8, "bad input everywhere").
import asyncio


def show(label, f):
    try:
        r = f()
        print(label, "->", "no error", "" if r is None else repr(r))
    except BaseException as e:
        print(label, "->", type(e).__name__ + ":", e)


async def ashow(label, make):
    try:
        await make()
        print(label, "->", "no error")
    except BaseException as e:
        print(label, "->", type(e).__name__ + ":", e)


async def work():
    await asyncio.sleep(0.1)
    return "done"


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(work(), name="w")
    show("result() of a pending task", t.result)
    show("exception() of a pending task", t.exception)
    show("set_result on a task", lambda: t.set_result(1))
    show("set_exception on a task", lambda: t.set_exception(ValueError()))
    await t
    show("result() after done", t.result)
    show("cancel() after done", t.cancel)

    f = loop.create_future()
    show("future result() pending", f.result)
    f.set_result(1)
    show("set_result twice", lambda: f.set_result(2))
    show("set_exception after result", lambda: f.set_exception(ValueError()))
    g = loop.create_future()
    g.cancel("why")
    show("result() of a cancelled future", g.result)
    show("exception() of a cancelled future", g.exception)
    show("set_result on a cancelled future", lambda: g.set_result(1))

    c = work()
    await c
    await ashow("await a coroutine twice", lambda: c)

    lock = asyncio.Lock()
    show("release an unlocked Lock", lock.release)
    async with lock:
        pass
    show("release it again", lock.release)
    sem = asyncio.BoundedSemaphore(1)
    show("BoundedSemaphore released too often", sem.release)
    ev = asyncio.Event()
    ev.set()
    ev.set()
    print("Event.set twice -> no error", ev.is_set())
    cond = asyncio.Condition()
    show("notify() without the lock", cond.notify)
    await ashow("wait() without the lock", cond.wait)

    q = asyncio.Queue()
    q.shutdown()
    show("put_nowait after shutdown", lambda: q.put_nowait(1))
    await ashow("get after shutdown", q.get)

    tg = asyncio.TaskGroup()
    coro = work()
    show("create_task before entering", lambda: tg.create_task(coro))
    coro.close()
    async with tg:
        pass
    await ashow("enter a TaskGroup twice", lambda: tg.__aenter__())
    async with asyncio.timeout(10) as cm:
        pass
    show("reschedule a finished timeout", lambda: cm.reschedule(1))
    await ashow("enter a timeout twice", lambda: cm.__aenter__())
    show("asyncio.run inside a loop", lambda: asyncio.run(work()))


asyncio.run(main())
show("get_running_loop outside a loop", asyncio.get_running_loop)
show("current_task outside a loop", asyncio.current_task)
