import asyncio


async def step(name):
    print(name, "started")
    await asyncio.sleep(0)
    print(name, "resumed")
    return name


async def main():
    print("-- coroutines: nothing starts before gather is awaited")
    coros = [step("c1"), step("c2")]
    print("created coroutines")
    g = asyncio.gather(*coros)
    print("gather built (children are tasks now, not started)")
    print(await g)
    print("-- tasks: they start at the next iteration, gather or not")
    tasks = [asyncio.create_task(step("t1")), asyncio.create_task(step("t2"))]
    await asyncio.sleep(0)
    print("main after sleep(0)")
    print(await asyncio.gather(*tasks))


asyncio.run(main())
