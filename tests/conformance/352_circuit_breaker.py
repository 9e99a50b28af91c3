import asyncio


class CircuitOpen(Exception):
    pass


class CircuitBreaker:
    def __init__(self, threshold, reset_after):
        self.threshold = threshold
        self.reset_after = reset_after
        self.failures = 0
        self.state = "closed"
        self.opened_at = None

    def __repr__(self):
        return f"CircuitBreaker(state={self.state!r}, failures={self.failures})"

    async def call(self, fn, *args):
        loop = asyncio.get_running_loop()
        if self.state == "open":
            if loop.time() - self.opened_at >= self.reset_after:
                self.state = "half-open"
            else:
                raise CircuitOpen(f"open for {self.reset_after}s")
        try:
            result = await fn(*args)
        except Exception:
            self.failures += 1
            if self.state == "half-open" or self.failures >= self.threshold:
                self.state = "open"
                self.opened_at = loop.time()
            raise
        else:
            self.failures = 0
            self.state = "closed"
            return result


async def flaky(i):
    await asyncio.sleep(0.001)
    if i in (1, 2, 3, 6):
        raise ConnectionError(f"fail {i}")
    return i * 10


async def main():
    cb = CircuitBreaker(threshold=2, reset_after=0.02)
    for i in range(9):
        try:
            r = await cb.call(flaky, i)
            print(i, "ok", r, cb)
        except CircuitOpen as e:
            print(i, "rejected:", e, cb)
            await asyncio.sleep(0.012)
        except ConnectionError as e:
            print(i, "error:", repr(e), cb)


asyncio.run(main())
