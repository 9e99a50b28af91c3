import asyncio

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("open", self.name)
        await asyncio.sleep(0.1)
        return self
    async def __aexit__(self, et, e, tb):
        print("close", self.name, et.__name__ if et else None)
        await asyncio.sleep(0.1)
        return False

class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0.05)
        return self.i

class Service:
    def __init__(self):
        self.calls = 0
    async def fetch(self, x):
        self.calls += 1
        await asyncio.sleep(0.01 * x)
        return x * x

async def main():
    async with Resource("db") as r:
        print("using", r.name)
    try:
        async with Resource("file"):
            raise KeyError("oops")
    except KeyError as e:
        print("caught", repr(e))
    async for i in Ticker(3):
        print("tick", i)
    s = Service()
    print(await asyncio.gather(*[s.fetch(i) for i in range(5)]), s.calls)
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b")]:
        await pq.put(item)
    while not pq.empty():
        print(await pq.get())
    print(await asyncio.sleep(0.1, result="slept"))
    results = []
    async def worker(n):
        for _ in range(2):
            results.append(n)
            await asyncio.sleep(0)
    await asyncio.gather(worker(1), worker(2), worker(3))
    print(results)

asyncio.run(main())
