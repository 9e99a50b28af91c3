# B5 groups: 1,000 sequential TaskGroups of 10 tasks that sleep(0).
import asyncio


async def child(i):
    await asyncio.sleep(0)
    return i


async def main():
    total = 0
    for _ in range(1_000):
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(child(i)) for i in range(10)]
        for t in tasks:
            total += t.result()
    print("b5_groups", total)


asyncio.run(main())
