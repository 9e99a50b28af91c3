import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn: cancelled, but I will return a value instead")
    await asyncio.sleep(0.01)
    return "finished anyway"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print("cancelling() after cancel:", t.cancelling())
    result = await t
    print("result:", result)
    print("cancelled():", t.cancelled(), "cancelling():", t.cancelling())


asyncio.run(main())
