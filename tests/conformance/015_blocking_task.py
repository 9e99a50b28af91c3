import asyncio


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def busy():
    total = 0
    for i in range(200000):
        total += i % 7
    print("busy finished without yielding, total =", total)


async def main():
    a = asyncio.create_task(ticker())
    b = asyncio.create_task(busy())
    c = asyncio.create_task(ticker())
    await asyncio.gather(a, b, c)


asyncio.run(main())
