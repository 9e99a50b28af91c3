import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    seq: int
    name: str = field(compare=False)


async def dispatcher(q):
    handled = []
    while True:
        job = await q.get()
        if job.name == "stop":
            q.task_done()
            break
        handled.append(job)
        print(f"handling {job.name} (p={job.priority})")
        await asyncio.sleep(0.001)
        q.task_done()
    return handled


async def main():
    q = asyncio.PriorityQueue()
    jobs = [(3, "backup"), (1, "page-oncall"), (2, "email"), (1, "restart-db"), (5, "cleanup")]
    for seq, (p, name) in enumerate(jobs):
        q.put_nowait(Job(p, seq, name))
    q.put_nowait(Job(99, 99, "stop"))
    print("queued:", q.qsize())
    handled = await dispatcher(q)
    await q.join()
    print([j.name for j in handled])
    pq = asyncio.PriorityQueue()
    for item in [(2, "b"), (1, "z"), (1, "a"), (0, "x")]:
        await pq.put(item)
    print([pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for i in range(3):
        lq.put_nowait(i)
    print([lq.get_nowait() for _ in range(3)])
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty", repr(asyncio.QueueEmpty()))


asyncio.run(main())
