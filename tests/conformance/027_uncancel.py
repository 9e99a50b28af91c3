import asyncio


async def resilient():
    me = asyncio.current_task()
    for attempt in range(3):
        try:
            await asyncio.sleep(0.05)
            print("attempt", attempt, "completed")
            return attempt
        except asyncio.CancelledError:
            print("attempt", attempt, "cancelled; cancelling() =", me.cancelling())
            left = me.uncancel()
            print("uncancel() ->", left)


async def main():
    t = asyncio.create_task(resilient())
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.sleep(0.01)
    t.cancel()
    print("result:", await t, "cancelling():", t.cancelling())


asyncio.run(main())
