import asyncio


async def ok():
    await asyncio.sleep(0.01)
    return "fine"


async def bad():
    await asyncio.sleep(0.01)
    raise KeyError("missing")


async def main():
    t = asyncio.create_task(ok())
    print("done:", t.done(), "cancelled:", t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("result() while pending ->", type(e).__name__, e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("exception() while pending ->", type(e).__name__, e)
    await t
    print("done:", t.done(), "result:", t.result(), "exception:", t.exception())

    b = asyncio.create_task(bad())
    await asyncio.sleep(0.05)
    print("bad done:", b.done(), "cancelled:", b.cancelled())
    exc = b.exception()
    print("exception():", type(exc).__name__, repr(exc), str(exc))
    try:
        b.result()
    except KeyError as e:
        print("result() re-raises:", repr(e))
    print("is asyncio.InvalidStateError an Exception?", issubclass(asyncio.InvalidStateError, Exception))


asyncio.run(main())
