import asyncio


async def ticker(name, n):
    print(f"{name}: open")
    try:
        for i in range(n):
            await asyncio.sleep(0.001)
            yield i
    except GeneratorExit:
        print(f"{name}: GeneratorExit")
        raise
    finally:
        print(f"{name}: cleanup")


async def main():
    gen = ticker("A", 10)
    async for x in gen:
        print("A got", x)
        if x == 2:
            break
    print("after break")
    await gen.aclose()
    print("closed A")
    await gen.aclose()
    print("second aclose is a no-op")
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("anext on closed gen: StopAsyncIteration")

    fresh = ticker("B", 3)
    await fresh.aclose()
    print("closing an unstarted generator runs nothing")

    c = ticker("C", 2)
    print(await anext(c), await anext(c))
    print(await anext(c, "default"))
    print(await anext(c, "again"))

    d = ticker("D", 5)
    await anext(d)
    try:
        await d.athrow(KeyError("boom"))
    except KeyError as e:
        print("athrow propagated:", repr(e))
    print(type(d).__name__, d.__name__)


asyncio.run(main())
