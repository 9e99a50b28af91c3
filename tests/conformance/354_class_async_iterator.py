import asyncio


class Countdown:
    def __init__(self, start):
        self.n = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n + 1


class Paged:
    def __init__(self, pages):
        self.pages = pages

    def __aiter__(self):
        return PagedIter(self.pages)


class PagedIter:
    def __init__(self, pages):
        self.pages = list(pages)
        self.buf = []

    async def __anext__(self):
        while not self.buf:
            if not self.pages:
                raise StopAsyncIteration("no more pages")
            self.buf = list(self.pages.pop(0))
            await asyncio.sleep(0)
        return self.buf.pop(0)


async def main():
    print([x async for x in Countdown(4)])
    async for item in Paged([[1, 2], [], [3]]):
        print("item", item)
    it = aiter(Paged(["ab"]))
    print(await anext(it), await anext(it), await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print("stop", repr(e))
    c = Countdown(2)
    print(await c.__anext__(), await anext(c))
    try:
        await anext(c)
    except StopAsyncIteration as e:
        print("empty", e.args)
    try:
        async for x in PagedIter([]):
            pass
    except TypeError as e:
        print(e)
    try:
        await anext(Paged([]))
    except TypeError as e:
        print(e)


asyncio.run(main())
