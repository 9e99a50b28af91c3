import asyncio


async def square(x):
    await asyncio.sleep(0.01 * (4 - x))
    print("square", x)
    return x * x


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(x), name=f"sq{x}") for x in range(1, 4)]
        print("created:", [t.get_name() for t in tasks])
    print("all done after the block:", all(t.done() for t in tasks))
    print("results:", [t.result() for t in tasks])


asyncio.run(main())
