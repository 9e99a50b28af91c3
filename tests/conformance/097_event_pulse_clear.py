import asyncio


async def listener(name, ev, seen):
    for _ in range(2):
        await ev.wait()
        seen.append(name)
        print(name, "saw the event")
        await asyncio.sleep(0.05)


async def main():
    ev = asyncio.Event()
    seen = []
    tasks = [asyncio.create_task(listener(n, ev, seen)) for n in ("L1", "L2")]
    await asyncio.sleep(0.01)
    ev.set()
    ev.clear()
    print("set then clear at once: waiters still wake")
    await asyncio.sleep(0.02)
    print("seen:", seen)
    ev.set()
    await asyncio.gather(*tasks)
    print("total wakes:", len(seen))


asyncio.run(main())
