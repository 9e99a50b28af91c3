# cpython: 3.12+ (why: Queue.shutdown and QueueShutDown are new in 3.13)
import asyncio


async def consumer(q):
    while True:
        try:
            item = await q.get()
        except asyncio.QueueShutDown:
            print("consumer: queue shut down and drained")
            return
        print("consumer got", item)
        q.task_done()


async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    c = asyncio.create_task(consumer(q))
    await asyncio.sleep(0)
    q.shutdown()
    try:
        await q.put(99)
    except asyncio.QueueShutDown as e:
        print("put after shutdown:", repr(e))
    await c
    print("empty:", q.empty())


asyncio.run(main())
