import asyncio


async def guarded():
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print("never: an outside cancel is not turned into TimeoutError")
    except asyncio.CancelledError:
        print("outside cancel arrives as CancelledError")
        raise


async def wait_for_user():
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.5)
    except asyncio.CancelledError:
        print("wait_for: outside cancel arrives as CancelledError")
        raise


async def main():
    for fn in (guarded, wait_for_user):
        t = asyncio.create_task(fn())
        await asyncio.sleep(0.02)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            print(fn.__name__, "cancelled:", t.cancelled())


asyncio.run(main())
