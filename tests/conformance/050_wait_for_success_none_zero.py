import asyncio


async def quick(v):
    await asyncio.sleep(0.01)
    return v


async def instant():
    return "instant"


async def main():
    print("success:", await asyncio.wait_for(quick("a"), timeout=1))
    print("timeout=None waits forever:", await asyncio.wait_for(quick("b"), timeout=None))
    try:
        await asyncio.wait_for(quick("c"), timeout=0)
    except TimeoutError:
        print("timeout=0 on a coroutine that sleeps -> TimeoutError")
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("ready")
    print("timeout=0 on a done future:", await asyncio.wait_for(fut, timeout=0))
    try:
        await asyncio.wait_for(quick("d"), timeout=-1)
    except TimeoutError:
        print("negative timeout -> TimeoutError")


asyncio.run(main())
