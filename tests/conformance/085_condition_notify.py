import asyncio


async def consumer(name, cond, box):
    async with cond:
        print(name, "waiting")
        await cond.wait()
        print(name, "notified, box =", box)


async def main():
    cond = asyncio.Condition()
    box = []
    tasks = [asyncio.create_task(consumer(f"c{i}", cond, box)) for i in range(4)]
    await asyncio.sleep(0.01)
    async with cond:
        box.append("one")
        cond.notify()
    await asyncio.sleep(0.01)
    async with cond:
        box.append("two")
        cond.notify(2)
    await asyncio.sleep(0.01)
    async with cond:
        box.append("all")
        cond.notify_all()
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
