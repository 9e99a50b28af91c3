# cpython: 3.12+ (why: before 3.13 'Exception in callback' shows the callback's arguments)
import asyncio


def handler(loop, context):
    keys = sorted(context)
    exc = context.get("exception")
    print("HANDLER:", context["message"], "| keys:", keys, "| exc:", repr(exc))


def bad_callback(x):
    print("callback runs with", x)
    raise RuntimeError(f"callback failed for {x}")


async def failing():
    raise ValueError("never retrieved")


async def main():
    loop = asyncio.get_running_loop()
    print("default handler:", loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print("custom handler set:", loop.get_exception_handler() is handler)
    loop.call_soon(bad_callback, 1)
    await asyncio.sleep(0.01)
    loop.call_exception_handler({"message": "manual report", "extra": 42})
    loop.set_exception_handler(None)
    print("reset:", loop.get_exception_handler())
    loop.call_exception_handler({"message": "default handler report", "code": 7, "exception": KeyError("k")})
    loop.set_exception_handler(handler)
    print("still running")
    asyncio.create_task(failing())
    await asyncio.sleep(0.01)


asyncio.run(main())
