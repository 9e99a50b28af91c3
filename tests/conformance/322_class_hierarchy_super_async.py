import asyncio


class Service:
    registry = []

    def __init__(self, name):
        self.name = name
        self.started = False
        Service.registry.append(self)

    async def start(self):
        await asyncio.sleep(0)
        self.started = True
        print(f"Service.start({self.name})")

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, started={self.started})"

    @classmethod
    def create(cls, name):
        return cls(name)


class Database(Service):
    def __init__(self, name, pool=5):
        super().__init__(name)
        self.pool = pool

    async def start(self):
        print(f"Database.start: opening {self.pool} connections")
        await super().start()


class Cache(Service):
    async def start(self):
        print("Cache.start")
        await super().start()


class CachedDatabase(Database, Cache):
    async def start(self):
        print("CachedDatabase.start")
        await super().start()


async def main():
    services = [Database.create("db"), Cache("redis"), CachedDatabase("hybrid", pool=2)]
    await asyncio.gather(*(s.start() for s in services))
    print(services)
    print([c.__name__ for c in CachedDatabase.__mro__])
    print(CachedDatabase.__mro__[1])
    print(Service.registry == services, isinstance(services[2], Cache), issubclass(Cache, Database))
    print(CachedDatabase.__bases__, Database.__base__.__name__)
    print(super(Database, services[2]).start.__qualname__)


asyncio.run(main())
