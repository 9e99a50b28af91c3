import asyncio

# delays in units of 30 ms, chosen so that no two fetches finish at the same moment
PAGES = {f"/page/{i}": 0.03 * units for i, units in enumerate([5, 7, 3, 3, 9, 4, 1, 4])}
MAX_CONCURRENT = 3


class Scraper:
    def __init__(self, limit):
        self.sem = asyncio.Semaphore(limit)
        self.active = 0
        self.peak = 0
        self.log = []

    async def fetch(self, url):
        async with self.sem:
            self.active += 1
            self.peak = max(self.peak, self.active)
            self.log.append(f"+{url}")
            try:
                await asyncio.sleep(PAGES[url])
                if url.endswith("5"):
                    raise ValueError(f"bad html at {url}")
                return len(url) * 100
            finally:
                self.active -= 1
                self.log.append(f"-{url}")


async def main():
    print("delays:", {url: round(d, 3) for url, d in PAGES.items()})
    s = Scraper(MAX_CONCURRENT)
    urls = list(PAGES)
    results = await asyncio.gather(*(s.fetch(u) for u in urls), return_exceptions=True)
    for url, r in zip(urls, results):
        print(f"{url:<9} {r!r}")
    print("peak concurrency:", s.peak)
    print("first three started before any finished:", s.log[:3])
    ok = [r for r in results if isinstance(r, int)]
    print(f"{len(ok)} pages, {sum(ok):,} bytes")


asyncio.run(main())
