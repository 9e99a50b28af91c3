import asyncio


async def converter():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        raise RuntimeError("converted cancellation") from e


async def main():
    t = asyncio.create_task(converter())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except RuntimeError as e:
        print("got", repr(e), "cause:", type(e.__cause__).__name__)
    print("cancelled():", t.cancelled(), "exception():", repr(t.exception()))


asyncio.run(main())
