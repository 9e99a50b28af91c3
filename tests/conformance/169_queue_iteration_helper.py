import asyncio


class QueueIterator:
    def __init__(self, q, stop):
        self.q = q
        self.stop = stop

    def __aiter__(self):
        return self

    async def __anext__(self):
        item = await self.q.get()
        if item is self.stop:
            raise StopAsyncIteration
        return item


async def main():
    q = asyncio.Queue()
    STOP = object()

    async def feed():
        for word in "async iterators over a queue".split():
            await q.put(word)
            await asyncio.sleep(0)
        await q.put(STOP)

    feeder = asyncio.create_task(feed())
    words = [w.upper() async for w in QueueIterator(q, STOP)]
    await feeder
    print(words, len(words))


asyncio.run(main())
