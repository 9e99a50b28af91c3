import asyncio


async def sleepy():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inside, cancelling() =", me.cancelling())
        raise


async def main():
    t = asyncio.create_task(sleepy())
    print("fresh task cancelling():", t.cancelling())
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    t.cancel()
    print("after three cancel():", t.cancelling())
    print("uncancel() ->", t.uncancel())
    await asyncio.gather(t, return_exceptions=True)
    print("finished; cancelled():", t.cancelled(), "cancelling():", t.cancelling())
    print("uncancel() on a done task ->", t.uncancel())


asyncio.run(main())
