import asyncio


async def worker(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        print(name, "raising")
        raise ValueError(f"{name} failed")
    print(name, "completed")
    return name


async def main():
    a = asyncio.create_task(worker("a", 0.02))
    b = asyncio.create_task(worker("b", 0.05, fail=True))
    c = asyncio.create_task(worker("c", 0.1))
    try:
        await asyncio.gather(a, b, c)
    except ValueError as e:
        print("gather raised first error:", e)
    print("c is not cancelled, still running:", not c.done())
    print("c result later:", await c)
    print("a:", a.result(), "b:", repr(b.exception()))


asyncio.run(main())
