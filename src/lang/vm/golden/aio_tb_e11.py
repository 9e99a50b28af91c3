import asyncio
async def bad(n):
    await asyncio.sleep(n / 10)
    raise ValueError(f"bad {n}")
async def good():
    await asyncio.sleep(1)
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
        tg.create_task(bad(2))
        tg.create_task(good())
asyncio.run(main())
