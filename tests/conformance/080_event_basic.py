import asyncio


async def waiter(name, event):
    print(name, "waiting")
    result = await event.wait()
    print(name, "woke up, wait() returned", result)


async def main():
    event = asyncio.Event()
    print("is_set:", event.is_set())
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0.02)
    print("setting")
    event.set()
    print("set() does not switch tasks; is_set:", event.is_set())
    await asyncio.gather(*tasks)
    print("wait() on a set event returns at once:", await event.wait())
    event.clear()
    print("after clear:", event.is_set())
    try:
        await asyncio.wait_for(event.wait(), 0.03)
    except TimeoutError:
        print("cleared event blocks again")


asyncio.run(main())
