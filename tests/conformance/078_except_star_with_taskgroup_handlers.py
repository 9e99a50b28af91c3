import asyncio


class RetryableError(Exception):
    pass


class FatalError(Exception):
    pass


async def job(n):
    await asyncio.sleep(0.01 * n)
    if n % 3 == 0:
        raise FatalError(f"job {n} fatal")
    if n % 2 == 0:
        raise RetryableError(f"job {n} retryable")
    return n


async def run_batch(ns):
    try:
        async with asyncio.TaskGroup() as tg:
            for n in ns:
                tg.create_task(job(n))
        print("batch", ns, "ok")
    except* RetryableError as g:
        print("batch", ns, "retryable:", sorted(str(e) for e in g.exceptions))
    except* FatalError as g:
        print("batch", ns, "fatal:", sorted(str(e) for e in g.exceptions))


async def main():
    await run_batch([1, 5])
    await run_batch([1, 2])
    await run_batch([3, 5])
    await run_batch([2, 4, 6, 7])


asyncio.run(main())
