# cpython: 3.12+ (why: asyncio.run(non-coroutine) raises TypeError on 3.14, ValueError on 3.11)
import asyncio


async def inner():
    return "inner"


async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("the coroutine can still be awaited:", await coro)
    print("get_running_loop() works inside:", asyncio.get_running_loop() is not None)


asyncio.run(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)
try:
    asyncio.run(42)
except (TypeError, ValueError) as e:
    print(type(e).__name__ + ":", e)
