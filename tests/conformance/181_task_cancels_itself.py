import asyncio


async def quitter():
    me = asyncio.current_task()
    print("requesting my own cancellation:", me.cancel("self"))
    print("still running until the next await; cancelling() =", me.cancelling())
    try:
        await asyncio.sleep(0)
        print("never")
    except asyncio.CancelledError as e:
        print("CancelledError at the next await:", e.args)
        raise


async def main():
    t = asyncio.create_task(quitter())
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())


asyncio.run(main())
