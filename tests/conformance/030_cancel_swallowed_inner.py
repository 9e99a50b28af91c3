import asyncio


async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner swallows the cancel and returns 42")
        return 42


async def outer():
    value = await asyncio.create_task(inner())
    print("outer got", value, "and keeps going")
    await asyncio.sleep(0.01)
    return value + 1


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel()
    r = await t
    print("outer result:", r, "cancelled:", t.cancelled(), "cancelling:", t.cancelling())


asyncio.run(main())
