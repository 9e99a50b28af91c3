# Memory: 100,000 tasks asleep at once (the budget: under 64 MB of wasm memory), then
# gathered when they wake, so the peak is the moment all of them sleep.
import asyncio


async def sleeper(i):
    await asyncio.sleep(10)
    return i


async def main():
    tasks = [asyncio.create_task(sleeper(i)) for i in range(100_000)]
    await asyncio.sleep(1)
    asleep = sum(1 for t in tasks if not t.done())
    results = await asyncio.gather(*tasks)
    print("mem_100k", asleep, sum(results))


asyncio.run(main())
