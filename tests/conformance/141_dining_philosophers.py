import asyncio

N = 5


async def philosopher(i, forks, meals, log):
    left, right = i, (i + 1) % N
    first, second = min(left, right), max(left, right)
    for meal in range(meals):
        async with forks[first]:
            await asyncio.sleep(0)
            async with forks[second]:
                log.append(i)
                await asyncio.sleep(0)
        await asyncio.sleep(0)


async def main():
    forks = [asyncio.Lock() for _ in range(N)]
    log = []
    await asyncio.wait_for(asyncio.gather(*(philosopher(i, forks, 3, log) for i in range(N))), timeout=1)
    print("eating order:", log)
    print("meals:", {i: log.count(i) for i in range(N)})
    print("no fork left held:", not any(f.locked() for f in forks))


asyncio.run(main())
