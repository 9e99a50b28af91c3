import asyncio


async def leaf(x):
    await asyncio.sleep(0.01 * x)
    return x * x


async def branch(xs):
    return sum(await asyncio.gather(*(leaf(x) for x in xs)))


async def main():
    totals = await asyncio.gather(branch([1, 2]), branch([3]), branch([]), asyncio.gather(leaf(4), leaf(5)))
    print(totals)
    inner = asyncio.gather(leaf(1), leaf(2))
    outer = asyncio.gather(inner, leaf(3))
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("inner gather done:", inner.done(), "cancelled():", inner.cancelled())
        try:
            inner.result()
        except asyncio.CancelledError:
            print("inner.result() raises CancelledError")


asyncio.run(main())
