import asyncio

runs = 0


async def once():
    global runs
    runs += 1
    await asyncio.sleep(0)
    return runs


async def main():
    coro = once()
    print("same coroutine object twice:", await asyncio.gather(coro, coro), "runs:", runs)
    t = asyncio.ensure_future(once())
    print("same task three times:", await asyncio.gather(t, t, t), "runs:", runs)
    print("two coroutine objects:", await asyncio.gather(once(), once()), "runs:", runs)


asyncio.run(main())
