import asyncio


async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow: cancelled by wait_for")
        raise


async def main():
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except TimeoutError as e:
        print("caught", type(e).__name__, repr(e), "cause:", type(e.__cause__).__name__)
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except asyncio.TimeoutError:
        print("also catchable as asyncio.TimeoutError")
    print("TimeoutError is an OSError subclass:", issubclass(TimeoutError, OSError))


asyncio.run(main())
