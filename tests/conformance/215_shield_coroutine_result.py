import asyncio


async def compute(x):
    await asyncio.sleep(0.01)
    return x * 3


async def main():
    print("shield of a coroutine:", await asyncio.shield(compute(4)))
    inner = asyncio.ensure_future(compute(5))
    s1 = asyncio.shield(inner)
    s2 = asyncio.shield(inner)
    s1.cancel()
    print("two shields over one task; cancelling one:", s1.cancelled(), "other:", await s2)
    print("inner result:", inner.result(), "inner cancelled:", inner.cancelled())


asyncio.run(main())
