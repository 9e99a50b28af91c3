import asyncio

DATA = [f"item{i}" for i in range(11)]


async def fetch_page(page, size=4):
    await asyncio.sleep(0.001)
    start = page * size
    return DATA[start:start + size], start + size < len(DATA)


class Paginator:
    def __init__(self, size):
        self.size = size
        self.page = 0
        self.buffer = []
        self.more = True

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.buffer:
            if not self.more:
                raise StopAsyncIteration
            self.buffer, self.more = await fetch_page(self.page, self.size)
            print(f"  fetched page {self.page}: {len(self.buffer)} items")
            self.page += 1
            if not self.buffer:
                raise StopAsyncIteration
        return self.buffer.pop(0)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def main():
    async for item in Paginator(4):
        print(item, end=" ")
    print()
    collected = [x async for x in Paginator(5) if x.endswith(("1", "3"))]
    print(collected)
    it = aiter(Countdown(3))
    print(await anext(it), await anext(it), await anext(it), await anext(it, "end"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    try:
        async for _ in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        for _ in Countdown(1):
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
