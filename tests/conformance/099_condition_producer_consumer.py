import asyncio


class BoundedBuffer:
    def __init__(self, capacity):
        self.items = []
        self.capacity = capacity
        self.cond = asyncio.Condition()

    async def put(self, item):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(item)
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            self.cond.notify_all()
            return item


async def producer(buf, n):
    for i in range(n):
        await buf.put(i)
        print("produced", i, "buffer", buf.items)


async def consumer(buf, n):
    total = 0
    for _ in range(n):
        item = await buf.get()
        total += item
        print("consumed", item)
        await asyncio.sleep(0.01)
    return total


async def main():
    buf = BoundedBuffer(2)
    _, total = await asyncio.gather(producer(buf, 5), consumer(buf, 5))
    print("total", total)


asyncio.run(main())
