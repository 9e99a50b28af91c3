import asyncio

events = []


async def transfer(name, duration):
    events.append(f"{name}: start")
    try:
        await asyncio.sleep(duration)
        events.append(f"{name}: finished")
        return name
    except asyncio.CancelledError:
        events.append(f"{name}: cancelled, rolling back")
        await asyncio.sleep(0.01)
        events.append(f"{name}: rolled back")
        raise
    finally:
        events.append(f"{name}: finally")


async def main():
    print(await asyncio.wait_for(transfer("quick", 0.01), timeout=0.1))
    try:
        await asyncio.wait_for(transfer("slow", 1), timeout=0.03)
    except TimeoutError as e:
        print("timeout:", repr(e), "cause:", type(e.__cause__).__name__)
    print(await asyncio.wait_for(transfer("no-limit", 0.01), timeout=None))
    t = asyncio.create_task(transfer("task", 1))
    try:
        await asyncio.wait_for(t, timeout=0.02)
    except TimeoutError:
        print("task cancelled by wait_for:", t.cancelled())
    for e in events:
        print(e)
    events.clear()
    await asyncio.wait_for(transfer("final", 1), timeout=0.02)


asyncio.run(main())
