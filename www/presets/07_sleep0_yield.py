import asyncio

YIELD = True  # Try: set this to False and compare the order of the lines


async def crunch(name, chunks):
    total = 0
    for chunk in range(1, chunks + 1):
        for i in range(50_000):  # one slice of pure computation
            total += i % 7
        print(f"{name}: chunk {chunk}/{chunks} done")
        if YIELD:
            # sleep(0) suspends for one loop iteration: every other ready task
            # gets a turn, then this one carries on
            await asyncio.sleep(0)
    return total


async def main():
    tasks = [
        asyncio.create_task(crunch("crunch-a", 3), name="crunch-a"),
        asyncio.create_task(crunch("crunch-b", 3), name="crunch-b"),
    ]
    totals = await asyncio.gather(*tasks)
    print(f"totals: {totals}")


asyncio.run(main())
