import asyncio


async def sleeper(name, delay):
    print(f"{name} sleeps {delay}")
    await asyncio.sleep(delay)
    print(f"{name} woke")


async def main():
    # equal delays from the same moment wake in creation order
    tasks = [asyncio.create_task(sleeper(n, 0.05)) for n in "pqrs"]
    await asyncio.gather(*tasks)
    # different delays wake in deadline order
    tasks = [
        asyncio.create_task(sleeper("slow", 0.15)),
        asyncio.create_task(sleeper("fast", 0.02)),
        asyncio.create_task(sleeper("mid", 0.08)),
    ]
    await asyncio.gather(*tasks)


asyncio.run(main())
