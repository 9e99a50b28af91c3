import asyncio


async def target():
    await asyncio.sleep(1)


async def main():
    t = asyncio.create_task(target(), name="target")
    t.add_done_callback(lambda task: print("callback: cancelled =", task.cancelled()))
    await asyncio.sleep(0)
    t.cancel()
    print("cancel requested; callback has not run")
    await asyncio.sleep(0)
    print("one iteration later: done =", t.done())
    await asyncio.sleep(0)
    print("two iterations later")

    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda fut: print("future callback: cancelled =", fut.cancelled()))
    print("future cancel:", f.cancel("bye"), "done:", f.done())
    await asyncio.sleep(0)
    try:
        f.exception()
    except asyncio.CancelledError as e:
        print("exception() on cancelled future raises", e.args)


asyncio.run(main())
