import asyncio


async def batcher(q, max_size, max_wait, out):
    loop = asyncio.get_running_loop()
    closed = False
    while not closed:
        batch = []
        first = await q.get()
        if first is None:
            break
        batch.append(first)
        deadline = loop.time() + max_wait
        while len(batch) < max_size:
            try:
                async with asyncio.timeout_at(deadline):
                    item = await q.get()
            except TimeoutError:
                reason = "timeout"
                break
            if item is None:
                closed = True
                reason = "closed"
                break
            batch.append(item)
        else:
            reason = "full"
        out.append(batch)
        print(f"flush {batch} ({reason})")


async def main():
    q = asyncio.Queue()
    out = []
    b = asyncio.create_task(batcher(q, max_size=3, max_wait=0.1, out=out))
    schedule = [(0, 1), (0, 2), (0, 3), (0, 4), (0.03, 5), (0.15, 6), (0.03, 7), (0.03, None)]
    for delay, item in schedule:
        if delay:
            await asyncio.sleep(delay)
        q.put_nowait(item)
    await b
    print("batches:", out)


asyncio.run(main())
