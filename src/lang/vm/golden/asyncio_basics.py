import asyncio

async def worker(name, delay):
    print(f"{name} start")
    await asyncio.sleep(delay)
    print(f"{name} done after {delay}")
    return name.upper()

async def main():
    t1 = asyncio.create_task(worker("a", 2))
    t2 = asyncio.create_task(worker("b", 1))
    print(t1.done())
    r = await t1
    print(r, await t2, t1.done(), t2.result())
    results = await asyncio.gather(worker("x", 0.5), worker("y", 0.1))
    print(results)
    try:
        await asyncio.wait_for(worker("slow", 10), timeout=1)
    except TimeoutError:
        print("timed out")
    t3 = asyncio.create_task(worker("c", 5))
    await asyncio.sleep(0)
    t3.cancel()
    try:
        await t3
    except asyncio.CancelledError:
        print("cancelled", t3.cancelled())
    return 42

print(asyncio.run(main()))
