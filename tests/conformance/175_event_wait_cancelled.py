import asyncio


async def waiter(ev, name):
    try:
        await ev.wait()
        print(name, "woke")
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise


async def main():
    ev = asyncio.Event()
    a = asyncio.create_task(waiter(ev, "a"))
    b = asyncio.create_task(waiter(ev, "b"))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(a, b, return_exceptions=True)
    print("a cancelled:", a.cancelled(), "b cancelled:", b.cancelled())
    try:
        async with asyncio.timeout(0.02):
            await asyncio.Event().wait()
    except TimeoutError:
        print("waiting on an event that is never set -> TimeoutError")


asyncio.run(main())
