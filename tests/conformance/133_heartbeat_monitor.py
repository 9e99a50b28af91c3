import asyncio


class Monitor:
    def __init__(self, timeout):
        self.timeout = timeout
        self.beats = {}

    def register(self, name):
        self.beats[name] = asyncio.Event()

    def beat(self, name):
        self.beats[name].set()

    async def watch(self, name, rounds):
        missed = 0
        for r in range(rounds):
            ev = self.beats[name]
            try:
                await asyncio.wait_for(ev.wait(), self.timeout)
                ev.clear()
                print(f"round {r}: {name} alive")
            except TimeoutError:
                missed += 1
                print(f"round {r}: {name} MISSED heartbeat ({missed})")
        return name, missed


async def service(monitor, name, intervals):
    for delay in intervals:
        await asyncio.sleep(delay)
        monitor.beat(name)


async def main():
    mon = Monitor(timeout=0.06)
    mon.register("db")
    senders = [asyncio.create_task(service(mon, "db", [0.02, 0.03, 0.2]))]
    result = await mon.watch("db", 4)
    print("result:", result)
    for s in senders:
        s.cancel()
    await asyncio.gather(*senders, return_exceptions=True)


asyncio.run(main())
