# cpython: 3.12+ (why: as_completed supports async for and yields the original tasks since 3.13)
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in (("b", 0.08), ("a", 0.02), ("c", 0.14))]
    async for t in asyncio.as_completed(tasks):
        print("original task object:", t in tasks, t.get_name(), t.result())


asyncio.run(main())
