import asyncio

log = []


async def chain(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)


async def main():
    tasks = [asyncio.create_task(chain(c, k)) for c, k in zip("xyz", (4, 2, 3))]
    log.append("main")
    await asyncio.sleep(0)
    log.append("main-again")
    await asyncio.gather(*tasks)
    print(" ".join(log))


asyncio.run(main())
