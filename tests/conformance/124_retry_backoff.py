import asyncio


class TransientError(Exception):
    pass


class Service:
    def __init__(self, behaviours):
        self.behaviours = list(behaviours)
        self.calls = 0

    async def call(self):
        self.calls += 1
        behaviour = self.behaviours.pop(0) if self.behaviours else "ok"
        if behaviour == "hang":
            await asyncio.sleep(1)
        await asyncio.sleep(0.005)
        if behaviour == "error":
            raise TransientError(f"call {self.calls} failed")
        return f"response #{self.calls}"


async def with_retries(fn, attempts=4, base=0.02, per_try=0.05):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    delay = base
    for attempt in range(1, attempts + 1):
        try:
            async with asyncio.timeout(per_try):
                result = await fn()
            print(f"  attempt {attempt}: ok")
            return result
        except (TransientError, TimeoutError) as e:
            kind = type(e).__name__
            print(f"  attempt {attempt}: {kind} {e}".rstrip())
            if attempt == attempts:
                raise RuntimeError(f"gave up after {attempts} attempts") from e
            await asyncio.sleep(delay)
            delay *= 2
        finally:
            pass
    return None


async def main():
    scenarios = {
        "healthy": [],
        "flaky": ["error", "error"],
        "slow-then-ok": ["hang", "ok"],
        "dead": ["error", "hang", "error", "error"],
    }
    for name, behaviours in scenarios.items():
        svc = Service(behaviours)
        print(name)
        try:
            print("  ->", await with_retries(svc.call))
        except RuntimeError as e:
            print("  ->", e, "| cause:", repr(e.__cause__))


asyncio.run(main())
