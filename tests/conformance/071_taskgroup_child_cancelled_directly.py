import asyncio


async def worker(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("a", 0.05))
        b = tg.create_task(worker("b", 0.5))
        await asyncio.sleep(0.01)
        b.cancel()
    print("group finished normally; a:", a.result(), "b cancelled:", b.cancelled())


asyncio.run(main())
