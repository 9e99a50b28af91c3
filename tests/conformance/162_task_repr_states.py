import asyncio


async def work():
    await asyncio.sleep(0.01)
    return {"ok": True}


async def fail():
    raise ValueError("bad")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(repr(fut))
    fut.set_result([1, 2])
    print(repr(fut))
    f2 = loop.create_future()
    f2.set_exception(KeyError("k"))
    print(repr(f2))
    f2.exception()
    f3 = loop.create_future()
    f3.cancel()
    print(repr(f3))
    t = asyncio.create_task(work(), name="worker")
    await t
    print(repr(t))
    t2 = asyncio.create_task(fail(), name="failing")
    await asyncio.sleep(0)
    print(repr(t2))
    t2.exception()
    t3 = asyncio.create_task(work(), name="cancelled-one")
    t3.cancel()
    await asyncio.sleep(0)
    print(repr(t3))


asyncio.run(main())
