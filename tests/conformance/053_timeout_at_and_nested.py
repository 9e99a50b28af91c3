import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout_at(t0 + 0.1):
            try:
                async with asyncio.timeout(0.04) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner fired first at", round(loop.time() - t0, 2) > 0.03, "expired:", inner.expired())
            await asyncio.sleep(1)
    except TimeoutError:
        print("outer fired at about", round(loop.time() - t0, 1))

    t0 = loop.time()
    try:
        async with asyncio.timeout(0.05) as outer:
            try:
                async with asyncio.timeout(0.3) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("never: the inner block does not see the outer timeout as its own")
    except TimeoutError:
        print("outer expired:", outer.expired(), "inner expired:", inner.expired())


asyncio.run(main())
