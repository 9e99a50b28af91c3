import asyncio


class BoundedBuffer:
    def __init__(self, capacity):
        self.items = []
        self.capacity = capacity
        self.cond = asyncio.Condition()

    async def put(self, item, log):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(item)
            log.append(f"put {item} -> {self.items}")
            self.cond.notify_all()

    async def get(self, who, log):
        async with self.cond:
            while not self.items:
                await self.cond.wait()
            item = self.items.pop(0)
            log.append(f"{who} got {item} -> {self.items}")
            self.cond.notify_all()
            return item


async def producer(buf, n, log):
    for i in range(n):
        await buf.put(i, log)


async def consumer(buf, who, n, log):
    return [await buf.get(who, log) for _ in range(n)]


async def main():
    buf = BoundedBuffer(2)
    log = []
    res = await asyncio.gather(producer(buf, 6, log), consumer(buf, "A", 3, log), consumer(buf, "B", 3, log))
    print(res)
    print("\n".join(log))
    cond = asyncio.Condition()
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with c2:
        print(lock.locked(), c2.locked())
    print(lock.locked())


asyncio.run(main())
