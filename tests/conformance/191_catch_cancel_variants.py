import asyncio


async def variant(kind):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        if kind == "reraise":
            raise
        if kind == "replace":
            raise ValueError("replaced")
        return "swallowed"
    return "finished"


async def main():
    for kind in ("reraise", "replace", "swallow"):
        t = asyncio.create_task(variant(kind))
        await asyncio.sleep(0)
        t.cancel()
        try:
            r = await t
            print(f"{kind:<8} returned {r!r}; cancelled={t.cancelled()}")
        except asyncio.CancelledError:
            print(f"{kind:<8} CancelledError; cancelled={t.cancelled()}")
        except ValueError as e:
            print(f"{kind:<8} ValueError {e}; cancelled={t.cancelled()}")


asyncio.run(main())
