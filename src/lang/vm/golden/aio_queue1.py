import asyncio
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    now = lambda: round(loop.time() - t0, 1)
    q = asyncio.Queue(maxsize=2)
    async def producer():
        for i in range(5):
            await q.put(i); print("put", i, now())
    async def consumer(n):
        while True:
            item = await q.get(); print("consumer", n, "got", item, now())
            await asyncio.sleep(0.1); q.task_done()
    p = asyncio.create_task(producer())
    cs = [asyncio.create_task(consumer(i)) for i in range(2)]
    await p
    await q.join(); print("joined", now())
    for c in cs: c.cancel()
    q2 = asyncio.Queue(1)
    try: q2.get_nowait()
    except asyncio.QueueEmpty: print("empty")
    q2.put_nowait(1)
    try: q2.put_nowait(2)
    except asyncio.QueueFull: print("full")
    try: q2.task_done(); q2.task_done()
    except ValueError as e: print(repr(e))
    q3 = asyncio.Queue()
    async def getter():
        try: await q3.get()
        except asyncio.QueueShutDown: print("getter shutdown")
    g = asyncio.create_task(getter()); await asyncio.sleep(0)
    q3.shutdown(); await g
    try: q3.put_nowait(1)
    except asyncio.QueueShutDown: print("put shutdown")
    q4 = asyncio.Queue(); q4.put_nowait("a"); q4.shutdown()
    print("drain", q4.get_nowait())
    try: q4.get_nowait()
    except asyncio.QueueShutDown: print("get shutdown")
    lq = asyncio.LifoQueue(); [lq.put_nowait(i) for i in range(3)]; print([lq.get_nowait() for _ in range(3)])
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js queue1.py):
# put 0 0.0
# put 1 0.0
# consumer 0 got 0 0.0
# consumer 1 got 1 0.0
# put 2 0.0
# put 3 0.0
# consumer 0 got 2 0.1
# consumer 1 got 3 0.1
# put 4 0.1
# consumer 0 got 4 0.2
# joined 0.3
# empty
# full
# ValueError('task_done() called too many times')
# getter shutdown
# put shutdown
# drain a
# get shutdown
# [2, 1, 0]
