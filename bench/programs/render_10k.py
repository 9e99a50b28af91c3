# Rendering: 10,000 tasks at 1x speed in the full UI. Each wakes five times over about
# five seconds, so the task table, timeline and loop panel change every frame.
import asyncio


async def worker(i):
    for step in range(5):
        await asyncio.sleep(0.5 + (i % 50) / 100)
    return i


async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(10_000)]
    results = await asyncio.gather(*tasks)
    print("render_10k", sum(results))


asyncio.run(main())
