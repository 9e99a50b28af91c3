import asyncio

calls = 0


async def compute():
    global calls
    calls += 1
    await asyncio.sleep(0.01)
    return calls * 10


async def explode():
    await asyncio.sleep(0.01)
    raise RuntimeError("once")


async def main():
    t = asyncio.create_task(compute())
    first = await t
    second = await t
    print("awaited twice:", first, second, "calls:", calls)

    e = asyncio.create_task(explode())
    for attempt in range(2):
        try:
            await e
        except RuntimeError as err:
            print(f"attempt {attempt}: {err!r}")
    print("same exception object each time:", e.exception() is e.exception())


asyncio.run(main())
