# cpython: 3.12+ (why: contextlib.suppress strips matching exceptions out of an ExceptionGroup since 3.12)
import asyncio
from contextlib import aclosing, closing, nullcontext, suppress


async def numbers():
    try:
        for i in range(100):
            yield i
    finally:
        print("numbers closed")


class Resource:
    def close(self):
        print("Resource.close called")


async def main():
    async with aclosing(numbers()) as gen:
        async for n in gen:
            if n == 2:
                break
    print("after aclosing block")
    with suppress(KeyError, IndexError):
        [][1]
    print("suppressed IndexError")
    with suppress(ZeroDivisionError) as s:
        pass
    print("suppress as:", s is None)
    try:
        with suppress(KeyError):
            int("x")
    except ValueError as e:
        print("not suppressed:", e)
    with closing(Resource()) as r:
        print("using", type(r).__name__)
    async with nullcontext("value") as v:
        print("async nullcontext gives", v)
    with nullcontext() as nothing:
        print("nullcontext default", nothing)
    with suppress(ExceptionGroup):
        raise ExceptionGroup("eg", [ValueError()])
    print("group suppressed")
    with suppress(ValueError):
        raise ExceptionGroup("eg", [ValueError("only values")])
    print("group of matching leaves suppressed")


asyncio.run(main())
