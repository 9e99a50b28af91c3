import asyncio


async def work(i):
    for _ in range(i % 4):
        await asyncio.sleep(0)
    return i * i


async def main():
    results = await asyncio.gather(*(work(i) for i in range(200)))
    print(len(results), sum(results), results[:5], results[-3:])
    finish = []

    async def tracked(i):
        await work(i)
        finish.append(i)

    await asyncio.gather(*(tracked(i) for i in range(12)))
    print("finish order:", finish)


asyncio.run(main())
