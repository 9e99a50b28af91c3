import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return f"{name}:{delay}"


async def main():
    results = await asyncio.gather(
        fetch("slow", 0.15),
        fetch("fast", 0.03),
        fetch("medium", 0.08),
    )
    print("results keep argument order:", results)
    empty = await asyncio.gather()
    print("gather() with nothing:", empty)
    same = asyncio.create_task(fetch("shared", 0.01))
    print("same task twice:", await asyncio.gather(same, same))


asyncio.run(main())
