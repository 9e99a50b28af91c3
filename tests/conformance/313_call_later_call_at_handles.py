# cpython: 3.12+ (why: before 3.13 a Handle's repr shows the callback's arguments)
import asyncio
import functools


def report(tag, *args, **kwargs):
    print("report", tag, args, kwargs)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    h1 = loop.call_later(0.03, report, "later", 1, 2)
    h2 = loop.call_at(start + 0.01, report, "at")
    h3 = loop.call_later(0.02, functools.partial(report, "partial", key="v"))
    h4 = loop.call_later(0.04, report, "cancelled")
    h5 = loop.call_soon(report, "soon")
    print(type(h1).__name__, type(h5).__name__)
    print(repr(h5))
    h6 = loop.call_soon(functools.partial(report, "never"))
    print(repr(h6))
    h6.cancel()
    print(repr(h6), h6.cancelled())
    h4.cancel()
    print("cancelled:", h4.cancelled(), h1.cancelled())
    print("when ordering:", h2.when() < h3.when() < h1.when())
    print("when offset:", round(h1.when() - start, 2))
    await asyncio.sleep(0.06)
    h1.cancel()
    print("cancel after run:", h1.cancelled())
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "from call_later")
    print(await fut)
    try:
        loop.call_soon(print, "x", end="")
    except TypeError as e:
        print("TypeError:", e)
    try:
        loop.call_later(0.01, 42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
