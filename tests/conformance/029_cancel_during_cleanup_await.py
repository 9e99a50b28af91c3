import asyncio


async def worker():
    try:
        await asyncio.sleep(1)
    finally:
        print("cleanup: started")
        try:
            await asyncio.sleep(0.1)
            print("cleanup: finished normally")
        except asyncio.CancelledError:
            print("cleanup: interrupted by a second cancel")
            raise


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.sleep(0.05)
    print("worker still running cleanup:", not t.done())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("worker cancelled; cancelling() =", t.cancelling())


asyncio.run(main())
