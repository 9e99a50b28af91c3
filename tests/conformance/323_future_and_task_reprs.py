# cpython: 3.12+ (why: before 3.13 a named task also uses up a Task-N number)
import asyncio


async def sleeper():
    await asyncio.sleep(0.05)


async def returns_long():
    return "x" * 30


def cb(fut):
    pass


async def waits_on(t):
    await t


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f))
    f.add_done_callback(cb)
    print(repr(f))
    f.set_result(None)
    print(repr(f))
    g = loop.create_future()
    g.set_result("a" * 100)
    print(repr(g))
    e = loop.create_future()
    e.set_exception(ValueError("some long message " * 3))
    print(repr(e))
    e.exception()
    t = asyncio.create_task(sleeper(), name="napper")
    await asyncio.sleep(0)
    print(repr(t))
    t.cancel("stop now")
    await asyncio.sleep(0)
    print(repr(t))
    r = asyncio.create_task(returns_long())
    await r
    print(repr(r))
    print(str(r) == repr(r))
    u = asyncio.create_task(sleeper(), name="awaited")
    v = asyncio.create_task(waits_on(u), name="waiter")
    await asyncio.sleep(0)
    v.cancel()
    print(repr(v))
    print(repr(u))
    early = asyncio.create_task(sleeper(), name="early")
    early.cancel()
    print(repr(early))
    await asyncio.gather(u, v, early, return_exceptions=True)
    async with asyncio.TaskGroup() as tg:
        member = tg.create_task(sleeper(), name="member")
        await asyncio.sleep(0)
        print(repr(member))
        member.cancel()
    g = asyncio.create_task(sleeper(), name="gathered")
    gf = asyncio.gather(g)
    await asyncio.sleep(0)
    print(repr(g))
    print(repr(gf))
    await gf
    print(repr(gf))
    p = loop.create_future()
    for _ in range(3):
        p.add_done_callback(cb)
    print(repr(p))
    p.cancel()
    for v in [list(range(10)), {"k%d" % i: i for i in range(6)}, 10**45, (1,), ("x" * 40,)]:
        done = loop.create_future()
        done.set_result(v)
        print(repr(done))


asyncio.run(main())
