import asyncio


async def joiner(name, q):
    await q.join()
    print(name, "saw the queue fully processed")


async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    joiners = [asyncio.create_task(joiner(f"j{i}", q)) for i in range(2)]
    await asyncio.sleep(0)
    for _ in range(3):
        item = await q.get()
        print("processing", item, "unfinished:", q.qsize())
        await asyncio.sleep(0.01)
        q.task_done()
    await asyncio.gather(*joiners)
    print("join after more work arrives blocks again:", end=" ")
    q.put_nowait("x")
    try:
        await asyncio.wait_for(q.join(), 0.02)
    except TimeoutError:
        print("yes")


asyncio.run(main())
