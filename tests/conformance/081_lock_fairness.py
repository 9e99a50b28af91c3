import asyncio

lock = asyncio.Lock()


async def user(name, hold):
    print(name, "wants the lock; locked =", lock.locked())
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(hold)
        print(name, "releases")


async def main():
    tasks = [asyncio.create_task(user(n, 0.02)) for n in ("a", "b", "c", "d")]
    await asyncio.gather(*tasks)
    print("locked at end:", lock.locked())


asyncio.run(main())
