import asyncio


class Cluster:
    def __init__(self):
        self.cond = asyncio.Condition()
        self.leader = None
        self.term = 0

    async def campaign(self, node):
        async with self.cond:
            if self.leader is not None:
                print(f"{node} follows {self.leader}")
            await self.cond.wait_for(lambda: self.leader is None)
            self.term += 1
            self.leader = node
            print(f"term {self.term}: {node} becomes leader")

    async def resign(self, node):
        async with self.cond:
            print(f"{node} resigns")
            self.leader = None
            self.cond.notify_all()


async def node(cluster, name, start, lead_for):
    await asyncio.sleep(start)
    await cluster.campaign(name)
    await asyncio.sleep(lead_for)
    await cluster.resign(name)
    return name


async def main():
    cluster = Cluster()
    order = await asyncio.gather(
        node(cluster, "n1", 0.0, 0.08),
        node(cluster, "n2", 0.02, 0.05),
        node(cluster, "n3", 0.04, 0.05),
    )
    print("finished:", order, "terms:", cluster.term, "leader now:", cluster.leader)


asyncio.run(main())
