import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fired = []
    handles = [loop.call_later(0.06 * (i + 1), fired.append, i) for i in range(5)]
    handles[1].cancel()
    handles[3].cancel()
    handles[3].cancel()
    print("cancelled flags:", [h.cancelled() for h in handles])
    await asyncio.sleep(0.1)
    handles[4].cancel()
    print("fired so far:", fired)
    await asyncio.sleep(0.15)
    print("fired in the end:", fired)
    h = loop.call_soon(fired.append, "soon")
    h.cancel()
    await asyncio.sleep(0)
    print("cancelled call_soon never ran:", fired)


asyncio.run(main())
