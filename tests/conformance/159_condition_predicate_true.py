import asyncio


async def main():
    cond = asyncio.Condition()
    async with cond:
        result = await cond.wait_for(lambda: "already true")
        print("wait_for returns the predicate value at once:", result)
    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    async with shared:
        print("condition on an existing lock; lock.locked():", lock.locked())
    print("after:", lock.locked())

    ready = []

    async def waiter(i):
        async with shared:
            await shared.wait_for(lambda: i in ready)
            print("waiter", i, "released by", ready)

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    for i in (2, 0, 1):
        await asyncio.sleep(0.01)
        async with shared:
            ready.append(i)
            shared.notify_all()
    await asyncio.gather(*tasks)


asyncio.run(main())
