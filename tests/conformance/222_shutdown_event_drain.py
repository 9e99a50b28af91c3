import asyncio


async def worker(name, q, stop, handled):
    while not (stop.is_set() and q.empty()):
        try:
            item = await asyncio.wait_for(q.get(), timeout=0.03)
        except TimeoutError:
            continue
        await asyncio.sleep(0.01)
        handled.append((name, item))
    print(f"{name} exits")


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    stop = asyncio.Event()
    handled = []
    workers = [asyncio.create_task(worker("w1", q, stop, handled))]
    for i in range(4):
        q.put_nowait(i)
    loop.call_later(0.02, stop.set)
    print("stop requested in 0.02s; the queue is drained first")
    await asyncio.gather(*workers)
    print("handled:", handled)
    print("queue empty:", q.empty())


asyncio.run(main())
