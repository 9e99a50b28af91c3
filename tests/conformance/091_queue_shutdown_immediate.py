# cpython: 3.12+ (why: Queue.shutdown(immediate=True) is new in 3.13)
import asyncio


async def getter(name, q):
    try:
        item = await q.get()
        print(name, "got", item)
    except asyncio.QueueShutDown:
        print(name, "woken by shutdown")


async def main():
    q = asyncio.Queue()
    waiters = [asyncio.create_task(getter(f"g{i}", q)) for i in range(2)]
    await asyncio.sleep(0.01)
    q.shutdown(immediate=True)
    await asyncio.gather(*waiters)

    q2 = asyncio.Queue()
    for i in range(3):
        q2.put_nowait(i)
    q2.shutdown(immediate=True)
    print("immediate shutdown drops items; qsize:", q2.qsize())
    try:
        q2.get_nowait()
    except asyncio.QueueShutDown:
        print("get_nowait raises QueueShutDown")
    await q2.join()
    print("join returns: the dropped items count as done")


asyncio.run(main())
