import asyncio


def compute(values):
    return sum(values) / len(values)


async def average(values):
    await asyncio.sleep(0)
    return compute(values)


async def report(name, values):
    avg = await average(values)
    return f"{name}: {avg:.2f}"


async def main():
    t1 = asyncio.create_task(report("cpu", [1, 2, 4]))
    t2 = asyncio.create_task(report("mem", []))
    print(await t1)
    print(await asyncio.wait_for(t2, timeout=1))


asyncio.run(main())
