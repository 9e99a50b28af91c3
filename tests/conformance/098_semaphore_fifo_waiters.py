import asyncio


async def task(i, sem, order):
    async with sem:
        order.append(i)
        await asyncio.sleep(0.01)


async def main():
    sem = asyncio.Semaphore(1)
    order = []
    await asyncio.gather(*(task(i, sem, order) for i in range(6)))
    print("acquired in order:", order)
    print("locked:", sem.locked())


asyncio.run(main())
