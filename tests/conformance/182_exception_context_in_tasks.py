import asyncio


async def cleanup_fails():
    try:
        raise KeyError("original")
    except KeyError:
        await asyncio.sleep(0)
        raise RuntimeError("while handling")


async def main():
    t = asyncio.create_task(cleanup_fails())
    try:
        await t
    except RuntimeError as e:
        print(repr(e), "context:", repr(e.__context__), "cause:", e.__cause__)
    try:
        try:
            1 / 0
        finally:
            print("finally sees the exception in flight")
    except ZeroDivisionError as e:
        print("then:", e)
    try:
        try:
            raise ValueError("a")
        except ValueError as inner:
            raise TypeError("b") from inner
    except TypeError as outer:
        chain = []
        e = outer
        while e is not None:
            chain.append(f"{type(e).__name__}({e})")
            e = e.__cause__ or e.__context__
        print(" <- ".join(chain))


asyncio.run(main())
