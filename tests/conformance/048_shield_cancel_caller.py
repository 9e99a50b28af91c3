import asyncio


async def work():
    await asyncio.sleep(0.08)
    print("work done")
    return 7


async def caller(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("caller cancelled, work continues:", not t.done())
        raise


async def main():
    t = asyncio.create_task(work())
    c = asyncio.create_task(caller(t))
    await asyncio.sleep(0.02)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print("caller cancelled:", c.cancelled())
    print("result via the task:", await t)

    # shield of an already finished awaitable
    print("shield of finished task:", await asyncio.shield(t))
    # cancelling the inner task itself does propagate
    t2 = asyncio.create_task(work())
    s = asyncio.shield(t2)
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("inner cancelled -> shield future cancelled:", s.cancelled())


asyncio.run(main())
