import asyncio


class Cache:
    def __init__(self):
        self.data = {}
        self.locks = {}
        self.backend_calls = []

    async def backend(self, key):
        self.backend_calls.append(key)
        await asyncio.sleep(0.03 if key == "ab" else 0.06)
        return key.upper() * 2

    async def get(self, key, who):
        if key in self.data:
            print(f"{who}: hit {key}")
            return self.data[key]
        lock = self.locks.setdefault(key, asyncio.Lock())
        async with lock:
            if key in self.data:
                print(f"{who}: filled while waiting {key}")
                return self.data[key]
            print(f"{who}: miss {key}, loading")
            value = await self.backend(key)
            self.data[key] = value
            return value


async def main():
    cache = Cache()
    requests = [("u1", "ab"), ("u2", "ab"), ("u3", "cd"), ("u4", "ab"), ("u5", "cd")]
    results = await asyncio.gather(*(cache.get(k, who) for who, k in requests))
    print("results:", results)
    print("backend calls:", cache.backend_calls)
    print(await cache.get("ab", "u6"))


asyncio.run(main())
