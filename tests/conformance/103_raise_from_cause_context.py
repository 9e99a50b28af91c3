import asyncio


class FetchError(Exception):
    pass


async def low_level():
    await asyncio.sleep(0)
    raise ConnectionError("socket closed")


async def fetch():
    try:
        await low_level()
    except ConnectionError as e:
        raise FetchError("fetch failed") from e


async def fetch_no_cause():
    try:
        await low_level()
    except ConnectionError:
        raise FetchError("fetch failed (implicit context)")


async def fetch_suppressed():
    try:
        await low_level()
    except ConnectionError:
        raise FetchError("fetch failed (suppressed)") from None


async def main():
    for fn in (fetch, fetch_no_cause, fetch_suppressed):
        try:
            await fn()
        except FetchError as e:
            print(repr(e))
            print("  cause:", repr(e.__cause__), "context:", repr(e.__context__),
                  "suppress:", e.__suppress_context__)


asyncio.run(main())
