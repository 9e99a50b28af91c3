import asyncio


async def sleeper():
    print("sleeper starts")
    await asyncio.sleep(1)
    print("never printed")


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.01)
    print("cancel() ->", t.cancel())
    print("right after cancel: done", t.done(), "cancelled", t.cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting raised", type(e).__name__, e.args)
    print("now: done", t.done(), "cancelled", t.cancelled())
    print("CancelledError is BaseException, not Exception:",
          issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
