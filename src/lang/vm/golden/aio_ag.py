import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i
    print("ticker done")

async def evens():
    async for x in ticker(6, 0.01):
        if x % 2 == 0:
            yield x * 10

async def main():
    async for t in ticker(3, 0.1):
        print("tick", t)
    print([x async for x in evens()])
    print([x async for x in ticker(4, 0) if x > 1])
    g = ticker(1, 0)
    print(type(g).__name__)
    async for _ in g:
        pass
    async for _ in g:
        print("never")
    print("end")

asyncio.run(main())
