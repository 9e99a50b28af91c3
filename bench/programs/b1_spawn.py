# B1 spawn: 10,000 tasks that each await sleep(0) once and return i; gather; sum.
import asyncio


async def work(i):
    await asyncio.sleep(0)
    return i


async def main():
    tasks = [asyncio.create_task(work(i)) for i in range(10_000)]
    results = await asyncio.gather(*tasks)
    print("b1_spawn", sum(results))


asyncio.run(main())
