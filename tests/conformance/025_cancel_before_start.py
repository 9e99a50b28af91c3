import asyncio


async def never():
    print("this body never runs")


async def main():
    t = asyncio.create_task(never())
    print("cancel before first step ->", t.cancel())
    print("done yet?", t.done())
    await asyncio.sleep(0)
    print("after one iteration done?", t.done(), "cancelled?", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting gives CancelledError")


asyncio.run(main())
