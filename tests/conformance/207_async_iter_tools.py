import asyncio


async def count(start, step, delay=0.0):
    n = start
    while True:
        await asyncio.sleep(delay)
        yield n
        n += step


async def amap(fn, ait):
    async for x in ait:
        yield fn(x)


async def afilter(pred, ait):
    async for x in ait:
        if pred(x):
            yield x


async def take(n, ait):
    if n <= 0:
        return
    async for x in ait:
        yield x
        n -= 1
        if n == 0:
            break


async def achain(*aits):
    for ait in aits:
        async for x in ait:
            yield x


async def collect(ait):
    return [x async for x in ait]


async def main():
    squares_of_odds = take(5, amap(lambda x: x * x, afilter(lambda x: x % 2, count(1, 1))))
    print(await collect(squares_of_odds))
    print(await collect(take(3, count(10, -5))))
    print(await collect(achain(take(2, count(0, 1)), take(2, count(100, 100)))))
    print(await collect(take(0, count(0, 1))))


asyncio.run(main())
