# cpython: 3.12+ (why: Queue.shutdown and QueueShutDown are new in 3.13)
import asyncio


async def worker(name, q, done):
    while True:
        try:
            n = await q.get()
        except asyncio.QueueShutDown:
            print(f"{name}: queue shut down, exiting")
            return
        await asyncio.sleep(0.01 * n)
        done.append((name, n))
        q.task_done()


async def main():
    q = asyncio.Queue()
    done = []
    workers = [asyncio.create_task(worker(f"w{i}", q, done)) for i in range(2)]
    for n in (1, 4, 2):
        await q.put(n)
    await q.join()
    print("all jobs done:", sorted(n for _, n in done))
    q.shutdown()
    await asyncio.gather(*workers)
    try:
        q.put_nowait(5)
    except asyncio.QueueShutDown:
        print("no more puts after shutdown")


asyncio.run(main())
