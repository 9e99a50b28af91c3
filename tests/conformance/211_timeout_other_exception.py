import asyncio


async def main():
    try:
        async with asyncio.timeout(0.5) as cm:
            await asyncio.sleep(0.01)
            raise KeyError("not a timeout")
    except KeyError as e:
        print("KeyError passes through:", repr(e), "expired():", cm.expired())
    try:
        async with asyncio.timeout(0.02) as cm:
            try:
                await asyncio.sleep(1)
            finally:
                print("finally inside the block runs before TimeoutError surfaces")
    except TimeoutError as e:
        print("TimeoutError; __context__ is", type(e.__context__).__name__, "; expired():", cm.expired())
    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("never: the block's own cancel becomes TimeoutError")
    except TimeoutError:
        print("TimeoutError, not CancelledError")


asyncio.run(main())
