import asyncio


class SlidingWindow:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.stamps = []

    def try_acquire(self, now):
        self.stamps = [t for t in self.stamps if now - t < self.window]
        if len(self.stamps) < self.limit:
            self.stamps.append(now)
            return True
        return False


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    limiter = SlidingWindow(limit=3, window=0.1)
    results = []
    # request times (absolute offsets), chosen 20+ ms away from window edges
    for offset in (0.0, 0.01, 0.02, 0.03, 0.05, 0.13, 0.14, 0.16, 0.17, 0.25):
        await asyncio.sleep(t0 + offset - loop.time())
        ok = limiter.try_acquire(loop.time())
        results.append((offset, "ok" if ok else "429"))
    for offset, status in results:
        print(f"t={offset:.2f} {status}")
    print("accepted:", sum(1 for _, s in results if s == "ok"), "of", len(results))


asyncio.run(main())
