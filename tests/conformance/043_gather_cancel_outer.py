import asyncio


async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    g = asyncio.gather(child("x"), child("y"), child("z"))
    await asyncio.sleep(0.01)
    print("gather.cancel() ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("awaiting the gather raised CancelledError")
    print("gather cancelled():", g.cancelled())


asyncio.run(main())
