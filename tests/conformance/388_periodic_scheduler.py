import asyncio


class Scheduler:
    def __init__(self):
        self.jobs = {}
        self.log = []

    def every(self, name, interval, fn, times):
        async def loop():
            for i in range(times):
                await asyncio.sleep(interval)
                try:
                    fn(name, i)
                except Exception as e:
                    self.log.append(f"{name}#{i} failed: {e!r}")
            return f"{name} finished"
        self.jobs[name] = asyncio.create_task(loop(), name=name)

    async def stop(self, name):
        t = self.jobs.pop(name)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            self.log.append(f"{name} stopped")

    async def wait_all(self):
        return await asyncio.gather(*self.jobs.values())


async def main():
    s = Scheduler()
    loop = asyncio.get_running_loop()
    t0 = loop.time()

    def tick(name, i):
        if name == "flaky" and i == 1:
            raise RuntimeError("bad tick")
        s.log.append(f"{name}#{i} at {round((loop.time() - t0) * 1000, -1):.0f}ms")

    s.every("fast", 0.03, tick, 4)
    s.every("slow", 0.07, tick, 2)
    s.every("flaky", 0.05, tick, 3)
    s.every("forever", 0.04, tick, 1000)
    await asyncio.sleep(0.11)
    await s.stop("forever")
    print(await s.wait_all())
    print("\n".join(s.log))
    print(sorted(s.jobs), [t.get_name() for t in s.jobs.values()])


asyncio.run(main())
