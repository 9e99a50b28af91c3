import asyncio


async def worker(name, q, log):
    while True:
        item = await q.get()
        await asyncio.sleep(0.02 * item)
        log.append((name, item))
        q.task_done()


async def main():
    q = asyncio.Queue()
    log = []
    for item in (5, 1, 2, 1):
        q.put_nowait(item)
    workers = [asyncio.create_task(worker(f"w{i}", q, log)) for i in range(2)]
    await q.join()
    print("all items processed:", log)
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    await q.join()
    print("join() on a drained queue returns at once")


asyncio.run(main())
