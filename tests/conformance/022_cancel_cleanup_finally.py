import asyncio


async def worker(name):
    print(f"{name}: acquiring resource")
    try:
        for i in range(10):
            print(f"{name}: working {i}")
            await asyncio.sleep(0.04)
    except asyncio.CancelledError:
        print(f"{name}: got CancelledError, re-raising")
        raise
    finally:
        print(f"{name}: releasing resource")
        await asyncio.sleep(0.01)
        print(f"{name}: released (cleanup could await)")


async def main():
    t = asyncio.create_task(worker("w"))
    await asyncio.sleep(0.1)
    t.cancel()
    print("main: cancel requested")
    try:
        await t
    except asyncio.CancelledError:
        print("main: worker is cancelled:", t.cancelled())


asyncio.run(main())
