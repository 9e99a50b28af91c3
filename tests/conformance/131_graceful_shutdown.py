import asyncio


class Server:
    def __init__(self):
        self.connections = {}
        self.stopping = asyncio.Event()

    async def handle(self, cid, duration):
        print(f"conn {cid}: open")
        try:
            await asyncio.sleep(duration)
            print(f"conn {cid}: finished normally")
        except asyncio.CancelledError:
            print(f"conn {cid}: cancelled, flushing")
            await asyncio.sleep(0.005)
            print(f"conn {cid}: flushed")
            raise
        finally:
            del self.connections[cid]

    def accept(self, cid, duration):
        task = asyncio.create_task(self.handle(cid, duration), name=f"conn-{cid}")
        self.connections[cid] = task

    async def shutdown(self, grace):
        print(f"shutdown: {len(self.connections)} open, grace {grace}s")
        pending = list(self.connections.values())
        done, still = await asyncio.wait(pending, timeout=grace)
        print("finished during grace:", sorted(t.get_name() for t in done))
        for t in sorted(still, key=lambda t: t.get_name()):
            t.cancel()
            await asyncio.gather(t, return_exceptions=True)
        print("open after shutdown:", len(self.connections))


async def main():
    server = Server()
    for cid, duration in [(1, 0.02), (2, 0.3), (3, 0.06), (4, 0.5)]:
        server.accept(cid, duration)
    await asyncio.sleep(0.01)
    await server.shutdown(grace=0.1)


asyncio.run(main())
