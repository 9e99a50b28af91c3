import asyncio


async def swallow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        return "swallowed"


async def quick():
    return "quick"


async def main():
    g = asyncio.gather(swallow(), swallow())
    await asyncio.sleep(0)
    print("cancel ->", g.cancel())
    try:
        print("result:", await g)
    except asyncio.CancelledError:
        print("gather still raises CancelledError though every child returned")
    print("cancel again ->", g.cancel())

    g2 = asyncio.gather(quick(), quick())
    print("done gather:", await g2, "cancel ->", g2.cancel())

    g3 = asyncio.gather(swallow(), return_exceptions=True)
    await asyncio.sleep(0)
    g3.cancel()
    try:
        print("return_exceptions:", await g3)
    except asyncio.CancelledError:
        print("return_exceptions=True does not help: CancelledError")


asyncio.run(main())
