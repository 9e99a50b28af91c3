import asyncio


async def step(n):
    await asyncio.sleep(0.01 * n)
    if n % 2:
        raise ValueError(f"odd step {n}")
    return n


async def main():
    print("starting")
    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(1, 5):
                tg.create_task(step(n))
    except* KeyError:
        print("no KeyError here")
    print("never printed")


asyncio.run(main())
