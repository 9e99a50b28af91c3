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

    async def call(self, fn, *args):
        loop = asyncio.get_running_loop()
        if self.state == "open":
            if loop.time() - self.opened_at >= self.reset_after:
                self.state = "half-open"
            else:
                raise CircuitOpen("circuit is open")
        try:
            result = await fn(*args)
        except Exception:
            self.failures += 1
            if self.state == "half-open" or self.failures >= self.threshold:
                self.state = "open"
                self.opened_at = loop.time()
            raise
        self.failures = 0
        self.state = "closed"
        return result


async def remote(x):
    await asyncio.sleep(0.005)
    if x < 0:
        raise ValueError(f"bad input {x}")
    return x * 10


async def main():
    cb = CircuitBreaker(threshold=2, reset_after=0.1)
    plan = [(1, 0), (-1, 0), (-2, 0), (3, 0), (4, 0.15), (-5, 0), (6, 0), (7, 0.15)]
    for x, wait in plan:
        if wait:
            await asyncio.sleep(wait)
        before = cb.state
        try:
            outcome = f"ok {await cb.call(remote, x)}"
        except CircuitOpen as e:
            outcome = f"rejected ({e})"
        except ValueError as e:
            outcome = f"failed ({e})"
        print(f"call({x:>2}) {before:>9} -> {cb.state:<9} {outcome}")


asyncio.run(main())
