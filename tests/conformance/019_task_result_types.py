import asyncio


async def make(kind):
    await asyncio.sleep(0)
    if kind == "none":
        return
    if kind == "tuple":
        return 1, "two", 3.0
    if kind == "dict":
        return {"b": 2, "a": 1}
    if kind == "nested":
        return [[1, 2], (3,), {"k": [None, True]}]
    return kind


async def main():
    for kind in ("none", "tuple", "dict", "nested", "plain"):
        t = asyncio.create_task(make(kind))
        r = await t
        print(f"{kind:>7}: {r!r} ({type(r).__name__})")


asyncio.run(main())
