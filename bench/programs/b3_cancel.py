# B3 cancel: 10,000 tasks sleeping 10 s; after one sleep(0) cancel them all;
# gather with return_exceptions=True; count the CancelledErrors.
import asyncio


async def sleeper():
    await asyncio.sleep(10)
    return 1


async def main():
    tasks = [asyncio.create_task(sleeper()) for _ in range(10_000)]
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    cancelled = sum(1 for r in results if isinstance(r, asyncio.CancelledError))
    print("b3_cancel", cancelled)


asyncio.run(main())
