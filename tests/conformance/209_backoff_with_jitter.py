import asyncio
import random


async def unreliable(attempt, fail_until):
    await asyncio.sleep(0.005)
    if attempt < fail_until:
        raise ConnectionResetError(f"attempt {attempt} reset")
    return "payload"


async def fetch_with_backoff(fail_until, rng, base=0.01, cap=0.05, attempts=5):
    delays = []
    for attempt in range(1, attempts + 1):
        try:
            return await unreliable(attempt, fail_until), delays
        except ConnectionResetError:
            if attempt == attempts:
                raise
            delay = min(cap, base * 2 ** (attempt - 1)) * rng.uniform(0.5, 1.0)
            delays.append(round(delay, 4))
            await asyncio.sleep(delay)


async def main():
    rng = random.Random(42)
    for fail_until in (1, 3, 5, 9):
        try:
            result, delays = await fetch_with_backoff(fail_until, rng)
            print(f"fail_until={fail_until}: {result} after delays {delays}")
        except ConnectionResetError as e:
            print(f"fail_until={fail_until}: gave up ({e})")


asyncio.run(main())
