import asyncio


class Service:
    instances = 0

    def __init__(self, name):
        Service.instances += 1
        self.name = name
        self.started = False

    async def start(self):
        await asyncio.sleep(0)
        self.started = True
        return f"{self.name} started"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, started={self.started})"


class CachedService(Service):
    def __init__(self, name, size=10):
        super().__init__(name)
        self.size = size

    async def start(self):
        msg = await super().start()
        return msg + f" with cache size {self.size}"


class LoggedCachedService(CachedService):
    async def start(self):
        print("about to start", self)
        result = await super().start()
        print("started", self)
        return result

    def __str__(self):
        return f"<{self.name}>"


async def main():
    services = [Service("plain"), CachedService("cache", size=5), LoggedCachedService("logged")]
    results = await asyncio.gather(*(s.start() for s in services))
    for r in results:
        print(r)
    print(services, Service.instances)
    print(str(services[2]), isinstance(services[2], Service), issubclass(CachedService, LoggedCachedService))
    print([c.__name__ for c in LoggedCachedService.__mro__])
    print(hasattr(services[0], "size"), getattr(services[1], "size"), getattr(services[0], "size", None))


asyncio.run(main())
