import asyncio


async def party(name, barrier):
    try:
        await barrier.wait()
        print(name, "passed")
    except asyncio.BrokenBarrierError:
        print(name, "got BrokenBarrierError")


async def main():
    barrier = asyncio.Barrier(3)
    tasks = [asyncio.create_task(party(n, barrier)) for n in ("p1", "p2")]
    await asyncio.sleep(0.01)
    print("waiting:", barrier.n_waiting, "broken:", barrier.broken)
    await barrier.abort()
    await asyncio.gather(*tasks)
    print("broken:", barrier.broken)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("wait on a broken barrier:", type(e).__name__, isinstance(e, RuntimeError))
    await barrier.reset()
    print("after reset broken:", barrier.broken)


asyncio.run(main())
