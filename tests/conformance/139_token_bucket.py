import asyncio


class TokenBucket:
    def __init__(self, rate_per_tick, capacity, tick):
        self.tokens = capacity
        self.capacity = capacity
        self.rate = rate_per_tick
        self.tick = tick
        self.cond = asyncio.Condition()

    async def refill(self, t0, ticks):
        loop = asyncio.get_running_loop()
        for k in range(1, ticks + 1):
            # absolute deadlines: refills do not drift
            await asyncio.sleep(t0 + k * self.tick - loop.time())
            async with self.cond:
                self.tokens = min(self.capacity, self.tokens + self.rate)
                self.cond.notify_all()

    async def take(self, n=1):
        async with self.cond:
            await self.cond.wait_for(lambda: self.tokens >= n)
            self.tokens -= n


async def request(i, bucket, loop, t0, log):
    await bucket.take()
    log.append((i, round((loop.time() - t0) / bucket.tick)))


async def main():
    loop = asyncio.get_running_loop()
    bucket = TokenBucket(rate_per_tick=2, capacity=3, tick=0.08)
    t0 = loop.time()
    refiller = asyncio.create_task(bucket.refill(t0, 5))
    log = []
    await asyncio.gather(*(request(i, bucket, loop, t0, log) for i in range(9)))
    await refiller
    by_tick = {}
    for i, tick in log:
        by_tick.setdefault(tick, []).append(i)
    for tick, ids in sorted(by_tick.items()):
        print(f"tick {tick}: requests {ids}")
    print("tokens left:", bucket.tokens)


asyncio.run(main())
