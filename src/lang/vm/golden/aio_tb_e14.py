import asyncio
async def work():
    await asyncio.sleep(1)
async def main():
    t = asyncio.create_task(work())
    await asyncio.sleep(0.1)
    t.cancel()
    await t
asyncio.run(main())
