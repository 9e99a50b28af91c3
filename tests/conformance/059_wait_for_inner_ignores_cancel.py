import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn: cancelled, returning a value anyway")
        return "late value"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        r = await asyncio.wait_for(stubborn(), timeout=0.06)
        print("wait_for returned", r)
    except TimeoutError:
        print("wait_for raised TimeoutError")
    print("elapsed about", round(loop.time() - t0, 1))


asyncio.run(main())
