import asyncio


async def producer(name, q, count, delay):
    for i in range(count):
        await asyncio.sleep(delay)
        item = f"{name}-{i}"
        await q.put(item)
        print(f"{name} produced {item}")
    print(f"{name} finished")


async def consumer(name, q, processed):
    try:
        while True:
            item = await q.get()
            for _ in range(3):
                await asyncio.sleep(0)
            processed.append(item)
            print(f"{name} handled {item}")
            q.task_done()
    except asyncio.CancelledError:
        print(f"{name} shutting down")
        raise


async def main():
    q = asyncio.Queue(maxsize=3)
    processed = []
    consumers = [asyncio.create_task(consumer(f"c{i}", q, processed)) for i in range(2)]
    producers = [
        asyncio.create_task(producer("p", q, 3, 0.025)),
        asyncio.create_task(producer("r", q, 2, 0.12)),
    ]
    await asyncio.gather(*producers)
    print("producers done; waiting for the queue to drain")
    await q.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print("processed:", sorted(processed))
    print("queue empty:", q.empty())


asyncio.run(main())
