import asyncio


class TokenBucket:
    def __init__(self, rate, capacity):
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.lock = asyncio.Lock()
        self.last = None

    async def acquire(self):
        loop = asyncio.get_running_loop()
        async with self.lock:
            while True:
                now = loop.time()
                if self.last is not None:
                    self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
                self.last = now
                if self.tokens >= 1 - 1e-9:  # float refill drifts below 1
                    self.tokens -= 1
                    return
                await asyncio.sleep(max(1 - self.tokens, 0.1) / self.rate)


async def client(name, bucket, n, order):
    for i in range(n):
        await bucket.acquire()
        order.append(f"{name}{i}")


async def main():
    bucket = TokenBucket(rate=100, capacity=3)
    order = []
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(client("a", bucket, 4, order), client("b", bucket, 4, order))
    print(order)
    print(round(loop.time() - t0, 1))
    print(bucket.tokens < 1, bucket.lock.locked())


asyncio.run(main())
