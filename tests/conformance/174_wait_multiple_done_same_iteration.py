import asyncio


async def instant(v):
    return v


async def later(v):
    await asyncio.sleep(0.05)
    return v


async def main():
    tasks = [asyncio.create_task(instant(i), name=f"i{i}") for i in range(3)]
    tasks.append(asyncio.create_task(later(9), name="later"))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    print("sum of done:", sum(t.result() for t in done))
    done, pending = await asyncio.wait(pending, timeout=1)
    print("rest:", [t.result() for t in done], len(pending))


asyncio.run(main())
