import asyncio


async def runner(name, start, barrier, log):
    await start.wait()
    log.append(f"{name} started")
    await asyncio.sleep(0.001 * len(name))
    pos = await barrier.wait()
    log.append(f"{name} passed barrier at position {pos}")
    return pos


async def main():
    start = asyncio.Event()
    barrier = asyncio.Barrier(3)
    log = []
    tasks = [asyncio.create_task(runner(n, start, barrier, log)) for n in ("ann", "bo", "carla")]
    await asyncio.sleep(0.01)
    print("before start:", log, start.is_set())
    start.set()
    positions = await asyncio.gather(*tasks)
    print(sorted(positions))
    print("\n".join(log))
    print(barrier.parties, barrier.n_waiting, barrier.broken)

    b2 = asyncio.Barrier(2)
    t = asyncio.create_task(b2.wait())
    await asyncio.sleep(0)
    await b2.abort()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print("broken:", repr(e), b2.broken)
    await b2.reset()
    print(b2.broken, b2.n_waiting)

    ev = asyncio.Event()
    waiters = [asyncio.create_task(asyncio.wait_for(ev.wait(), 0.01 * (i + 1))) for i in range(3)]
    await asyncio.sleep(0.015)
    ev.set()
    res = await asyncio.gather(*waiters, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in res])


asyncio.run(main())
