import asyncio


class Backend:
    def __init__(self, name, latency, healthy=True):
        self.name = name
        self.latency = latency
        self.healthy = healthy
        self.served = 0

    async def handle(self, req):
        await asyncio.sleep(self.latency)
        if not self.healthy:
            raise ConnectionError(f"{self.name} is down")
        self.served += 1
        return f"{req}@{self.name}"


class RoundRobin:
    def __init__(self, backends):
        self.backends = backends
        self.next = 0

    def pick(self):
        b = self.backends[self.next % len(self.backends)]
        self.next += 1
        return b

    async def request(self, req, attempts=3):
        errors = []
        for _ in range(attempts):
            backend = self.pick()
            try:
                return await backend.handle(req)
            except ConnectionError as e:
                errors.append(str(e))
        raise RuntimeError(f"{req}: all attempts failed: {errors}")


async def main():
    backends = [Backend("b1", 0.01), Backend("b2", 0.02, healthy=False), Backend("b3", 0.015)]
    lb = RoundRobin(backends)
    for i in range(5):
        print(await lb.request(f"r{i}"))
    backends[0].healthy = False
    backends[2].healthy = False
    try:
        await lb.request("r5")
    except RuntimeError as e:
        print(e)
    print({b.name: b.served for b in backends})


asyncio.run(main())
