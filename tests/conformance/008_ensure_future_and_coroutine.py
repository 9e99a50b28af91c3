import asyncio


async def child(x):
    print("child running with", x)
    return x * 2


async def main():
    coro = child(1)
    print("a coroutine object does nothing until awaited")
    print("iscoroutine:", asyncio.iscoroutine(coro))
    print("await coro ->", await coro)
    t = asyncio.ensure_future(child(2))
    print("ensure_future scheduled it; same object back:", asyncio.ensure_future(t) is t)
    print("await task ->", await t)
    fut = asyncio.get_running_loop().create_future()
    print("isfuture(fut):", asyncio.isfuture(fut), "isfuture(t):", asyncio.isfuture(t))
    fut.set_result("x")
    print("ensure_future(fut) is fut:", asyncio.ensure_future(fut) is fut)


asyncio.run(main())
