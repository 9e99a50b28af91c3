import asyncio


async def main():
    q = asyncio.Queue(maxsize=2)
    print(str(q))
    q.put_nowait("a")
    q.put_nowait("b")
    print(str(q), q.full(), q.maxsize)
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull")
    putter = asyncio.create_task(q.put("c"))
    await asyncio.sleep(0)
    print(str(q))
    print(q.get_nowait())
    await asyncio.sleep(0)
    print(str(q), putter.done())
    q.task_done()
    print(str(q))
    empty = asyncio.Queue()
    getter = asyncio.create_task(empty.get())
    await asyncio.sleep(0)
    print(str(empty))
    getter.cancel()
    await asyncio.sleep(0)
    print(str(empty))
    lq = asyncio.LifoQueue(maxsize=0)
    lq.put_nowait(1)
    print(str(lq), lq.full())
    print(repr(q).startswith("<Queue at 0x"), repr(q).endswith("tasks=2>"))
    print(type(q), type(asyncio.Lock()), type(asyncio.Event()), type(asyncio.Semaphore()))
    print(type(asyncio.current_task()), type(asyncio.get_running_loop().create_future()))
    print(type(q).__module__, type(q).__qualname__)


asyncio.run(main())
