import asyncio


async def numbers(label, n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield f"{label}{i}"


async def drain(label, n, delay, sink):
    async for x in numbers(label, n, delay):
        sink.append(x)


async def main():
    sink = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(drain("a", 3, 0.04, sink))
        tg.create_task(drain("b", 2, 0.11, sink))
    print(sink)
    merged = sorted(sink, key=lambda s: (s[1:], s[0]))
    print(merged)


asyncio.run(main())
