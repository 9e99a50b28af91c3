# cpython: 3.12+ (why: 3.14 words Barrier(0)'s error 'parties must be >= 1')
# A Barrier keeps workers in lock-step through phases; `async with barrier` gives the
# arrival index.
import asyncio


async def worker(name, delays, barrier, log):
    for phase, d in enumerate(delays):
        await asyncio.sleep(d)
        async with barrier as index:
            log.append((phase, name, index))
            if index == barrier.parties - 1:
                log.append((phase, "last in", name))


async def main():
    barrier = asyncio.Barrier(3)
    print("parties", barrier.parties, "waiting", barrier.n_waiting, "broken", barrier.broken)
    log = []
    await asyncio.gather(
        worker("a", [0.01, 0.05], barrier, log),
        worker("b", [0.03, 0.01], barrier, log),
        worker("c", [0.02, 0.03], barrier, log),
    )
    for entry in log:
        print(entry)
    print("broken after:", barrier.broken, "waiting:", barrier.n_waiting)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
