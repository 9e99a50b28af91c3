import asyncio


async def main():
    ev = asyncio.Event()
    results = []

    async def waiter(i):
        results.append((i, await ev.wait()))

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    ev.set()
    print("is_set after two set() calls:", ev.is_set())
    await asyncio.gather(*tasks)
    print(results)
    ev.clear()
    ev.clear()
    late = asyncio.create_task(waiter(9))
    await asyncio.sleep(0.01)
    print("late waiter still waiting:", not late.done())
    ev.set()
    await late
    print(results[-1])


asyncio.run(main())
