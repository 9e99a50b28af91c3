import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for prio, job in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await pq.put((prio, job))
    while not pq.empty():
        prio, job = await pq.get()
        print(prio, job)

    lq = asyncio.LifoQueue()
    for x in range(4):
        lq.put_nowait(x)
    print("LIFO:", [lq.get_nowait() for _ in range(4)])


asyncio.run(main())
