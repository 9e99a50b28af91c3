import asyncio


async def main():
    q = asyncio.Queue()
    print("empty:", q.empty(), "qsize:", q.qsize(), "full:", q.full(), "maxsize:", q.maxsize)
    for item in ("a", "b", "c"):
        await q.put(item)
    print("qsize after puts:", q.qsize())
    print("FIFO:", [await q.get() for _ in range(3)])
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e), "is an Exception:", isinstance(e, Exception))
    small = asyncio.Queue(maxsize=1)
    small.put_nowait(1)
    print("full:", small.full())
    try:
        small.put_nowait(2)
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))


asyncio.run(main())
