import asyncio


async def fetch(name, cost, limit):
    try:
        async with asyncio.timeout(limit):
            await asyncio.sleep(cost)
            return f"{name}: ok"
    except TimeoutError:
        return f"{name}: timed out"


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [
            tg.create_task(fetch("a", 0.02, 0.1)),
            tg.create_task(fetch("b", 0.3, 0.05)),
            tg.create_task(fetch("c", 0.05, 0.15)),
        ]
    for t in tasks:
        print(t.result())
    print("parent cancelling():", asyncio.current_task().cancelling())


asyncio.run(main())
