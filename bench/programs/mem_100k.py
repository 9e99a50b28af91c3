# Memory: 100,000 sleeping tasks alive at once (the budget: under 64 MB of wasm memory).
# They are then cancelled and collected, so the peak is measured with all of them asleep.
import asyncio


async def sleeper():
    await asyncio.sleep(3600)


async def main():
    tasks = [asyncio.create_task(sleeper()) for _ in range(100_000)]
    await asyncio.sleep(1)
    asleep = len(asyncio.all_tasks()) - 1
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print("mem_100k", asleep, len(results))


asyncio.run(main())
