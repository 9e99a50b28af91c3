import asyncio


async def worker(name, lock, log, rounds):
    for _ in range(rounds):
        async with lock:
            log.append(name)
            await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(worker("A", lock, log, 4), worker("B", lock, log, 4), worker("C", lock, log, 2))
    print("".join(log))


asyncio.run(main())
