import asyncio
import random


class TransientError(Exception):
    def __init__(self, attempt):
        super().__init__(f"attempt {attempt} failed")
        self.attempt = attempt


def retry(times, base=0.001, exceptions=(TransientError,)):
    def deco(fn):
        async def wrapper(*args):
            delay = base
            for attempt in range(1, times + 1):
                try:
                    return await fn(attempt, *args)
                except exceptions as e:
                    if attempt == times:
                        raise RuntimeError(f"gave up after {times}") from e
                    jitter = random.uniform(0, delay / 10)
                    print(f"  {fn.__name__}: {e}; sleeping {delay + jitter:.5f}")
                    await asyncio.sleep(delay + jitter)
                    delay *= 2
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco


@retry(4)
async def flaky(attempt, succeed_on):
    await asyncio.sleep(0)
    if attempt < succeed_on:
        raise TransientError(attempt)
    return f"ok on {attempt}"


@retry(3, exceptions=(KeyError,))
async def wrong_error(attempt):
    raise ValueError("not retried")


async def main():
    random.seed(7)
    print(await flaky(3))
    try:
        await flaky(9)
    except RuntimeError as e:
        print(repr(e), "<-", repr(e.__cause__), e.__cause__.attempt)
    try:
        await wrong_error()
    except ValueError as e:
        print("ValueError:", e)
    results = await asyncio.gather(flaky(1), flaky(2), flaky(5), return_exceptions=True)
    print(results)
    print(wrong_error.__name__, [round(random.random(), 6) for _ in range(3)])


asyncio.run(main())
