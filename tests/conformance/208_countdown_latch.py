import asyncio


class CountDownLatch:
    def __init__(self, count):
        self.count = count
        self.cond = asyncio.Condition()

    async def count_down(self):
        async with self.cond:
            self.count -= 1
            if self.count <= 0:
                self.cond.notify_all()

    async def wait(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.count <= 0)


async def service(name, latch, delay):
    await asyncio.sleep(delay)
    print(f"{name} initialised")
    await latch.count_down()


async def waiter(name, latch):
    await latch.wait()
    print(f"{name} proceeds")


async def main():
    latch = CountDownLatch(3)
    waiters = [asyncio.create_task(waiter(n, latch)) for n in ("api", "scheduler")]
    await asyncio.gather(service("db", latch, 0.03), service("cache", latch, 0.01), service("queue", latch, 0.05))
    await asyncio.gather(*waiters)
    print("count:", latch.count)


asyncio.run(main())
