import asyncio


class Debouncer:
    def __init__(self, delay, action):
        self.delay = delay
        self.action = action
        self.handle = None
        self.fired = []

    def trigger(self, value):
        loop = asyncio.get_running_loop()
        if self.handle is not None:
            self.handle.cancel()
        self.handle = loop.call_later(self.delay, self._fire, value)

    def _fire(self, value):
        self.handle = None
        self.fired.append(value)
        self.action(value)


async def main():
    d = Debouncer(0.05, lambda v: print("search for", repr(v)))
    for text, gap in [("a", 0.01), ("as", 0.01), ("asy", 0.1), ("asyn", 0.01), ("async", 0.1), ("x", 0)]:
        print("typed", repr(text))
        d.trigger(text)
        await asyncio.sleep(gap)
    await asyncio.sleep(0.1)
    print("fired:", d.fired)


asyncio.run(main())
