import asyncio


async def scheduler(pq, log):
    while True:
        priority, seq, name, cost = await pq.get()
        if name is None:
            pq.task_done()
            return
        await asyncio.sleep(cost)
        log.append(name)
        print(f"ran {name:<10} (priority {priority})")
        pq.task_done()


async def main():
    pq = asyncio.PriorityQueue()
    log = []
    jobs = [(5, "backup", 0.02), (1, "page-oncall", 0.02), (3, "report", 0.02), (1, "hotfix", 0.02), (9, "cleanup", 0.02)]
    for seq, (priority, name, cost) in enumerate(jobs):
        pq.put_nowait((priority, seq, name, cost))
    worker = asyncio.create_task(scheduler(pq, log))
    await asyncio.sleep(0.03)
    print("urgent job arrives while the first one runs")
    pq.put_nowait((0, len(jobs), "security", 0.02))
    pq.put_nowait((99, 99, None, 0))
    await worker
    print("order:", log)


asyncio.run(main())
