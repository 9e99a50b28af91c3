import asyncio


async def main():
    sem = asyncio.Semaphore(1)
    log = []

    async def user(name, hold):
        async with sem:
            log.append(f"{name} in")
            await asyncio.sleep(hold)
            log.append(f"{name} out")

    a = asyncio.create_task(user("a", 0.05))
    b = asyncio.create_task(user("b", 0.01))
    c = asyncio.create_task(user("c", 0.01))
    await asyncio.sleep(0.02)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print(log, "b cancelled:", b.cancelled(), "locked:", sem.locked())


asyncio.run(main())
