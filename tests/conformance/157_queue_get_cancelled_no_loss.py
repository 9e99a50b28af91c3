import asyncio


async def main():
    q = asyncio.Queue()
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    getter.cancel()
    await asyncio.gather(getter, return_exceptions=True)
    q.put_nowait("item")
    print("cancelled getter did not take the item:", q.qsize(), q.get_nowait())

    q2 = asyncio.Queue(maxsize=1)
    q2.put_nowait("a")
    putter = asyncio.create_task(q2.put("b"))
    await asyncio.sleep(0)
    putter.cancel()
    await asyncio.gather(putter, return_exceptions=True)
    print("cancelled putter did not add:", q2.qsize(), q2.get_nowait(), q2.empty())

    try:
        await asyncio.wait_for(q2.get(), timeout=0.02)
    except TimeoutError:
        print("get with timeout on an empty queue -> TimeoutError")


asyncio.run(main())
