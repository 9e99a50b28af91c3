import asyncio


class Progress:
    def __init__(self, total):
        self.total = total
        self.done = 0

    def bar(self, width=20):
        filled = self.done * width // self.total
        return f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {self.done / self.total:.0%}"


async def sleep_until(when):
    # absolute deadlines: no drift, so the two schedules never come within 20 ms
    await asyncio.sleep(when - asyncio.get_running_loop().time())


async def reporter(progress, t0, interval):
    try:
        k = 0
        while True:
            k += 1
            await sleep_until(t0 + 0.02 + k * interval)
            print("report:", progress.bar())
    except asyncio.CancelledError:
        print("final: ", progress.bar())
        raise


async def work(progress, t0, n):
    for i in range(1, n + 1):
        await sleep_until(t0 + i * 0.04)
        progress.done += 1


async def main():
    p = Progress(10)
    t0 = asyncio.get_running_loop().time()
    rep = asyncio.create_task(reporter(p, t0, 0.12))
    await work(p, t0, 10)
    rep.cancel()
    await asyncio.gather(rep, return_exceptions=True)


asyncio.run(main())
