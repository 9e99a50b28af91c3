import asyncio
from dataclasses import dataclass


@dataclass
class Message:
    topic: str
    body: str


class Broker:
    def __init__(self):
        self.subs = {}

    def subscribe(self, topic, name):
        q = asyncio.Queue()
        self.subs.setdefault(topic, []).append((name, q))
        return q

    async def publish(self, msg):
        for name, q in self.subs.get(msg.topic, []):
            await q.put(msg)
        return len(self.subs.get(msg.topic, []))

    def close(self):
        for subs in self.subs.values():
            for _, q in subs:
                q.put_nowait(None)


async def subscriber(name, q, out):
    while (msg := await q.get()) is not None:
        out.append(f"{name} <- {msg.topic}: {msg.body}")
    out.append(f"{name} done")


async def main():
    b = Broker()
    out = []
    subs = [
        asyncio.create_task(subscriber("alice", b.subscribe("news", "alice"), out)),
        asyncio.create_task(subscriber("bob", b.subscribe("news", "bob"), out)),
        asyncio.create_task(subscriber("carol", b.subscribe("sports", "carol"), out)),
    ]
    for msg in [Message("news", "rates up"), Message("sports", "3-1"), Message("weather", "rain")]:
        n = await b.publish(msg)
        print(f"published {msg!r} to {n}")
    b.close()
    await asyncio.gather(*subs)
    print("\n".join(out))


asyncio.run(main())
