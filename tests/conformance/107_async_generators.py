import asyncio


async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def squares(source):
    async for x in source:
        yield x * x


async def guarded():
    try:
        yield "first"
        yield "second"
        yield "third"
    finally:
        print("guarded: finally runs on aclose()")


async def main():
    async for i in ticker(3, 0.01):
        print("tick", i)
    print("squares:", [x async for x in squares(ticker(4, 0.005))])
    gen = guarded()
    async for item in gen:
        print("got", item)
        if item == "second":
            break
    await gen.aclose()
    agen = ticker(2, 0)
    print("anext:", await anext(agen), await anext(agen))
    try:
        await anext(agen)
    except StopAsyncIteration:
        print("StopAsyncIteration at the end")
    print("anext with default:", await anext(agen, "done"))


asyncio.run(main())
