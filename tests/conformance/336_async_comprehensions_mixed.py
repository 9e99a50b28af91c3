import asyncio


async def square(x):
    await asyncio.sleep(0)
    return x * x


async def is_even(x):
    await asyncio.sleep(0)
    return x % 2 == 0


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def main():
    print([await square(x) for x in range(5) if await is_even(x)])
    print({x: await square(x) async for x in agen(4)})
    print({await square(x) % 3 async for x in agen(6)})
    print([y async for x in agen(3) for y in range(x)])
    print([(x, y) for x in range(2) async for y in agen(2)] if False else "skipped")
    nested = [[await square(i + j) for j in range(2)] async for i in agen(3)]
    print(nested)
    gen = (await square(x) for x in range(3))
    print(type(gen).__name__)
    print([v async for v in gen])
    total = 0
    async for v in agen(5):
        if v == 3:
            continue
        total += v
    else:
        print("async for else runs, total", total)
    print(sum([await square(x) for x in range(4)]))


asyncio.run(main())
