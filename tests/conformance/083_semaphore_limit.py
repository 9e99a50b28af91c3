import asyncio

active = 0
peak = 0


async def job(sem, i):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        print(f"job {i} starts (active={active})")
        await asyncio.sleep(0.05 + 0.03 * i)
        active -= 1
        print(f"job {i} ends")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(sem, i) for i in range(5)))
    print("peak concurrency:", peak)
    print("locked():", sem.locked())


asyncio.run(main())
