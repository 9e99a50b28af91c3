import asyncio


async def producer(q):
    for i in range(5):
        print("put", i, "...")
        await q.put(i)
        print("put", i, "done, qsize", q.qsize())
    await q.put(None)


async def consumer(q):
    while True:
        await asyncio.sleep(0.02)
        item = await q.get()
        if item is None:
            print("consumer: end")
            return
        print("got", item)


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))


asyncio.run(main())
