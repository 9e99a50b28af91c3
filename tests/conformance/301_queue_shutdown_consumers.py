# cpython: 3.12+ (why: Queue.shutdown and QueueShutDown are new in 3.13)
import asyncio


async def worker(name, q, log):
    try:
        while True:
            item = await q.get()
            log.append(f"{name} handles {item}")
            await asyncio.sleep(0.04)
            q.task_done()
    except asyncio.QueueShutDown:
        log.append(f"{name} sees shutdown")
        return name


async def main():
    q = asyncio.Queue()
    log = []
    for i in range(5):
        q.put_nowait(i)
    workers = [asyncio.create_task(worker(f"w{i}", q, log)) for i in range(2)]
    await asyncio.sleep(0.1)
    q.shutdown()
    print("after shutdown qsize:", q.qsize())
    try:
        await q.put(99)
    except asyncio.QueueShutDown as e:
        print("put raised", type(e).__name__, repr(e))
    try:
        q.put_nowait(100)
    except asyncio.QueueShutDown:
        print("put_nowait raised too")
    await q.join()
    print("join returned")
    print(await asyncio.gather(*workers))
    for line in sorted(log):
        print(line)
    q2 = asyncio.Queue()
    q2.put_nowait("x")
    q2.put_nowait("y")
    q2.shutdown(immediate=True)
    print("immediate qsize:", q2.qsize(), "empty:", q2.empty())
    try:
        q2.get_nowait()
    except asyncio.QueueShutDown:
        print("get_nowait after immediate shutdown raised")
    await q2.join()
    print("q2 join ok")
    print(issubclass(asyncio.QueueShutDown, Exception))


asyncio.run(main())
