import asyncio

attempts = {}


class TransientError(Exception):
    pass


async def flaky(key, fail_times, slow_times):
    n = attempts.get(key, 0)
    attempts[key] = n + 1
    if n < slow_times:
        await asyncio.sleep(1)
    if n < fail_times:
        raise TransientError(f"{key} attempt {n + 1} failed")
    return f"{key}:ok after {n + 1}"


async def retry(key, fail_times=0, slow_times=0, retries=4, base=0.01, timeout=0.03):
    delay = base
    for attempt in range(1, retries + 1):
        try:
            return await asyncio.wait_for(flaky(key, fail_times, slow_times), timeout=timeout)
        except asyncio.TimeoutError:
            print(f"[{key}] attempt {attempt}: timed out")
        except TransientError as e:
            print(f"[{key}] attempt {attempt}: {e}")
        if attempt == retries:
            raise RuntimeError(f"{key}: giving up after {retries} attempts")
        print(f"[{key}] sleeping {delay:.2f}s")
        await asyncio.sleep(delay)
        delay *= 2


async def main():
    print(await retry("alpha", fail_times=2))
    print(await retry("beta", slow_times=1))
    try:
        await retry("gamma", fail_times=10, retries=3)
    except RuntimeError as e:
        print("error:", e)
        print("context:", repr(e.__context__))
    print(attempts)
    print(asyncio.TimeoutError is TimeoutError)


asyncio.run(main())
