import asyncio
import dataclasses


@dataclasses.dataclass(order=True)
class Job:
    priority: int
    seq: int
    name: str = dataclasses.field(compare=False)


async def producer(q, jobs):
    for i, (prio, name) in enumerate(jobs):
        await q.put(Job(prio, i, name))
        await asyncio.sleep(0)


async def consumer(cid, q, done):
    while True:
        job = await q.get()
        try:
            if job.name == "stop":
                return cid
            await asyncio.sleep(0)
            done.append((cid, job.name, job.priority))
        finally:
            q.task_done()


async def main():
    q = asyncio.PriorityQueue(maxsize=3)
    done = []
    consumers = [asyncio.create_task(consumer(i, q, done)) for i in range(2)]
    await producer(q, [(3, "low"), (1, "urgent"), (2, "mid"), (1, "urgent2"), (5, "lazy"), (0, "now")])
    await q.join()
    for _ in consumers:
        await q.put(Job(99, 99, "stop"))
    print(await asyncio.gather(*consumers))
    for d in done:
        print(d)
    print(q.qsize(), q.full(), q.maxsize, Job(1, 2, "a") < Job(1, 3, "b"), Job(1, 2, "a") == Job(1, 2, "zzz"))
    print(Job(2, 0, "x"))
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))


asyncio.run(main())
