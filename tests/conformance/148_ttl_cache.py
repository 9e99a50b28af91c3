import asyncio


class TTLCache:
    def __init__(self, ttl):
        self.ttl = ttl
        self.entries = {}
        self.loads = 0

    async def get(self, key, loader):
        loop = asyncio.get_running_loop()
        now = loop.time()
        entry = self.entries.get(key)
        if entry is not None and now < entry[1]:
            return entry[0], "hit"
        self.loads += 1
        value = await loader(key)
        self.entries[key] = (value, loop.time() + self.ttl)
        return value, "expired" if entry is not None else "miss"


async def loader(key):
    await asyncio.sleep(0.01)
    return key * 2


async def main():
    cache = TTLCache(ttl=0.1)
    plan = [("a", 0), ("a", 0.02), ("b", 0.02), ("a", 0.15), ("b", 0.01), ("a", 0.02)]
    for key, wait in plan:
        await asyncio.sleep(wait)
        value, how = await cache.get(key, loader)
        print(f"get({key!r}) -> {value!r:<6} {how}")
    print("loader calls:", cache.loads)


asyncio.run(main())
