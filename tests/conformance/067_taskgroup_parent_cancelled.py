import asyncio


log = []


async def child(name):
    # TaskGroup cancels its children in set order (by address): log, print sorted later
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise
    finally:
        log.append(name + " cleanup")


async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("kid1"))
            tg.create_task(child("kid2"))
            print("parent waiting in the group")
    except asyncio.CancelledError:
        print("parent sees CancelledError, not an ExceptionGroup")
        print("children:", sorted(log))
        raise


async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.02)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("parent cancelled:", t.cancelled())


asyncio.run(main())
