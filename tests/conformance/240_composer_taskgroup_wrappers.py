# cpython: 3.12+ (why: 3.11 wait_for wraps a coroutine in its own task, so the timeout differs)
# What the composer writes for a TaskGroup: library coroutines (wait_for) passed to
# tg.create_task, and shield around a child through a small coroutine.
import asyncio


async def shielded(coro):
    return await asyncio.shield(coro)


async def saver():
    print("saver: started")
    await asyncio.sleep(2)
    print("saver: finished")
    return "saved"


async def flaky():
    print("flaky: started")
    await asyncio.sleep(1)
    raise ConnectionError("lost link")


async def slow():
    print("slow: started")
    while True:
        await asyncio.sleep(0.4)
        print("slow: tick")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            saver_task = tg.create_task(shielded(saver()), name="saver")
            tg.create_task(asyncio.wait_for(flaky(), timeout=2.5), name="flaky")
            tg.create_task(asyncio.wait_for(slow(), timeout=0.5), name="slow")
    except* TimeoutError as eg:
        print("timed out:", [type(e).__name__ for e in eg.exceptions])
    print("saver cancelled:", saver_task.cancelled())
    await asyncio.sleep(2)


asyncio.run(main())
