import asyncio


async def primary(key):
    await asyncio.sleep(0.2 if key == "slow" else 0.01)
    if key == "broken":
        raise ConnectionError("primary refused")
    return f"primary:{key}"


async def secondary(key):
    await asyncio.sleep(0.02)
    if key in ("broken", "slow") and key == "broken":
        raise ConnectionError("secondary refused")
    return f"secondary:{key}"


CACHE = {"broken": "cache:broken (old)"}


async def lookup(key):
    attempts = []
    for source in (primary, secondary):
        try:
            async with asyncio.timeout(0.05):
                return await source(key), attempts
        except TimeoutError:
            attempts.append(f"{source.__name__} timed out")
        except ConnectionError as e:
            attempts.append(f"{source.__name__}: {e}")
    if key in CACHE:
        return CACHE[key], attempts
    raise LookupError(f"no value for {key!r} ({'; '.join(attempts)})")


async def main():
    for key in ("fast", "slow", "broken"):
        value, attempts = await lookup(key)
        print(f"{key:>6}: {value:<22} attempts={attempts}")
    CACHE.clear()
    try:
        await lookup("broken")
    except LookupError as e:
        print("LookupError:", e)


asyncio.run(main())
