import asyncio


async def ok(v):
    await asyncio.sleep(0.01)
    return v


async def fail(exc):
    await asyncio.sleep(0.02)
    raise exc


async def main():
    results = await asyncio.gather(
        ok(1), fail(ValueError("bad value")), ok(3), fail(KeyError("k")),
        return_exceptions=True,
    )
    for r in results:
        print(type(r).__name__, repr(r))
    errors = [r for r in results if isinstance(r, Exception)]
    print(len(errors), "errors,", len(results) - len(errors), "values")


asyncio.run(main())
