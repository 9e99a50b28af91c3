import asyncio


async def producer(q, n, name, pause):
    for i in range(n):
        await q.put(f"{name}-{i}")
        print(f"put {name}-{i} qsize={q.qsize()} full={q.full()}")
        await asyncio.sleep(pause)


async def consumer(q, results, ident):
    while True:
        item = await q.get()
        if item is None:
            print(f"consumer {ident} got sentinel")
            q.task_done()
            break
        results.append((ident, item))
        await asyncio.sleep(0)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=3)
    results = []
    consumers = [asyncio.create_task(consumer(q, results, i)) for i in range(2)]
    await asyncio.gather(producer(q, 3, "a", 0.02), producer(q, 2, "b", 0.035))
    for _ in consumers:
        await q.put(None)
    await q.join()
    print("joined, empty:", q.empty(), "unfinished ok")
    await asyncio.gather(*consumers)
    print(sorted(item for _, item in results))
    print("per consumer:", {i: sum(1 for c, _ in results if c == i) > 0 for i in range(2)})
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
