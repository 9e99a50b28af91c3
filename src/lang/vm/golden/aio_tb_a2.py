import asyncio
async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("bad")
async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(1)
    print("main done")
    await t
asyncio.run(main())
