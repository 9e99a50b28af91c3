import asyncio
async def sq(x):
    await asyncio.sleep(0.01 * x)
    return x * x
async def main():
    tasks = [asyncio.create_task(sq(i)) for i in range(4)]
    print([await t for t in tasks])
    print({i: await sq(i) for i in range(3)})
asyncio.run(main())
