import asyncio


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.005)
        self.current -= 1
        return self.current + 1


class Pages:
    def __init__(self, pages):
        self.pages = pages

    def __aiter__(self):
        return self._gen()

    async def _gen(self):
        for number, page in enumerate(self.pages, start=1):
            await asyncio.sleep(0)
            yield number, page


async def main():
    async for n in Countdown(3):
        print("countdown", n)
    async for number, page in Pages(["intro", "body", "end"]):
        print(f"page {number}: {page}")
    print(sum([n async for n in Countdown(4)]))


asyncio.run(main())
