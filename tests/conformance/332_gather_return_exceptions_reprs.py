import asyncio


async def ok(v):
    await asyncio.sleep(0.01)
    return v


async def bad(exc):
    await asyncio.sleep(0.01)
    raise exc


async def slow():
    await asyncio.sleep(1)


async def main():
    s = asyncio.create_task(slow())
    asyncio.get_running_loop().call_later(0.02, s.cancel)
    res = await asyncio.gather(
        ok(1), bad(ValueError("v")), bad(KeyError("k")), bad(FileNotFoundError(2, "No such file")), s,
        ok([1, 2]), return_exceptions=True,
    )
    print(res)
    for r in res:
        if isinstance(r, BaseException):
            print(f"{type(r).__name__}: str={str(r)!r} args={r.args}")
    print(await asyncio.gather())
    print(await asyncio.gather(ok("only")))
    try:
        await asyncio.gather(ok(1), bad(ZeroDivisionError("zero")))
    except ZeroDivisionError as e:
        print("first error propagates:", repr(e))
    await asyncio.sleep(0.02)


asyncio.run(main())
