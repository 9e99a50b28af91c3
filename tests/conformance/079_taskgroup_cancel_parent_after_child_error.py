# cpython: 3.12+ (why: 3.11 leaves the parent task's cancelling() at 1 after a TaskGroup aborts; fixed in 3.12)
import asyncio


async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("child error")


async def slow_cleanup():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow_cleanup: cancelled, cleaning up for a while")
        await asyncio.sleep(0.05)
        print("slow_cleanup: cleanup done")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            tg.create_task(slow_cleanup())
    except* ValueError:
        print("group waited for cleanup; elapsed about", round(loop.time() - t0, 1))
    print("main still alive; cancelling():", asyncio.current_task().cancelling())


asyncio.run(main())
