import asyncio


class Broker:
    def __init__(self):
        self.subs = {}

    def subscribe(self, name, maxsize=0):
        q = asyncio.Queue(maxsize)
        self.subs[name] = q
        return q

    async def unsubscribe(self, name):
        await self.subs.pop(name).put(None)

    async def publish(self, msg):
        for name, q in self.subs.items():
            await q.put(msg)
        return len(self.subs)


async def subscriber(name, q, out):
    while (msg := await q.get()) is not None:
        out.append(f"{name}<-{msg}")
        await asyncio.sleep(0)
    out.append(f"{name} done")


async def main():
    b = Broker()
    out = []
    tasks = [asyncio.create_task(subscriber(n, b.subscribe(n, 1), out)) for n in "xyz"]
    for i in range(3):
        n = await b.publish(i)
        out.append(f"pub {i} to {n}")
    await b.unsubscribe("y")
    await b.publish("late")
    for n in list(b.subs):
        await b.unsubscribe(n)
    await asyncio.gather(*tasks)
    print("\n".join(out))
    print(b.subs)
    q = asyncio.Queue(1)
    q.put_nowait("only")
    q.put_nowait("overflow")


asyncio.run(main())
