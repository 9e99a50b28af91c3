import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print(f"produced {i}")
        await asyncio.sleep(0.1)
    await q.put(None)

async def consumer(q, name):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            await q.put(None)
            break
        print(f"{name} consumed {item}")
        await asyncio.sleep(0.25)
        q.task_done()

async def limited(sem, i):
    async with sem:
        print(f"job {i} start")
        await asyncio.sleep(0.5)
        print(f"job {i} end")
        return i * 10

async def cleanup_demo():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cleaning up")
        await asyncio.sleep(0.1)
        print("cleanup done")
        raise
    finally:
        print("finally runs")

async def flaky(attempt):
    await asyncio.sleep(0.2 * attempt)
    if attempt < 3:
        raise ConnectionError(f"attempt {attempt} failed")
    return "ok"

async def retry():
    for attempt in range(1, 5):
        try:
            return await asyncio.wait_for(flaky(attempt), timeout=1.0)
        except (ConnectionError, TimeoutError) as e:
            print("retry after", type(e).__name__, e)
    return "gave up"

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, 4), consumer(q, "c1"), consumer(q, "c2"))
    sem = asyncio.Semaphore(2)
    print(await asyncio.gather(*(limited(sem, i) for i in range(4))))
    t = asyncio.create_task(cleanup_demo())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())
    print(await retry())
    try:
        r = await asyncio.wait_for(asyncio.shield(asyncio.sleep(2, result="shielded")), 0.5)
    except TimeoutError:
        print("shield timed out")
    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        print("waiter", i, "released")
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ws)
    res = await asyncio.gather(flaky(1), flaky(3), return_exceptions=True)
    print(res)
    print(asyncio.current_task().get_name(), len(asyncio.all_tasks()))

asyncio.run(main())
