import asyncio


async def party(name, barrier, delay):
    await asyncio.sleep(delay)
    print(name, "arrives; waiting:", barrier.n_waiting)
    index = await barrier.wait()
    print(name, "passes with index", index)


async def main():
    barrier = asyncio.Barrier(3)
    print("parties:", barrier.parties, "broken:", barrier.broken)
    await asyncio.gather(party("a", barrier, 0.01), party("b", barrier, 0.03), party("c", barrier, 0.05))
    print("n_waiting after:", barrier.n_waiting)


asyncio.run(main())
