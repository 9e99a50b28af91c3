import asyncio

active = 0
peak = 0


async def fetch(sem, url, delay):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        print(f"start {url:<12} active={active} locked={sem.locked()}")
        await asyncio.sleep(delay)
        active -= 1
        print(f"done  {url}")
        return len(url)


async def main():
    sem = asyncio.Semaphore(2)
    urls = ["a.example", "bb.example", "ccc.example", "d.example", "ee.example"]
    delays = [0.06, 0.12, 0.04, 0.08, 0.02]
    sizes = await asyncio.gather(*(fetch(sem, u, d) for u, d in zip(urls, delays)))
    print("sizes:", sizes)
    print("peak concurrency:", peak)
    print("released:", not sem.locked())


asyncio.run(main())
