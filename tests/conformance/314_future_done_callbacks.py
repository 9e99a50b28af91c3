import asyncio
import functools


def on_done(tag, fut):
    if fut.cancelled():
        print(f"[{tag}] cancelled")
    elif fut.exception() is not None:
        print(f"[{tag}] failed: {fut.exception()!r}")
    else:
        print(f"[{tag}] result: {fut.result()}")


def plain(fut):
    print("plain callback, done =", fut.done())


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(functools.partial(on_done, "A"))
    f.add_done_callback(plain)
    f.add_done_callback(plain)
    print("removed:", f.remove_done_callback(plain))
    print("removed again:", f.remove_done_callback(plain))
    f.set_result(7)
    print("set_result returned; callbacks are scheduled, not run")
    await asyncio.sleep(0)

    f.add_done_callback(functools.partial(on_done, "late"))
    print("added after done")
    await asyncio.sleep(0)

    g = loop.create_future()
    g.add_done_callback(functools.partial(on_done, "G"))
    g.set_exception(ConnectionError("reset"))
    await asyncio.sleep(0)

    h = loop.create_future()
    h.add_done_callback(functools.partial(on_done, "H"))
    print("cancel ->", h.cancel(), "again ->", h.cancel())
    await asyncio.sleep(0)
    try:
        h.result()
    except asyncio.CancelledError:
        print("result() of cancelled future raises CancelledError")
    try:
        f.set_result(8)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        loop.create_future().result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        g.set_exception(StopIteration())
    except (TypeError, asyncio.InvalidStateError) as e:
        print(type(e).__name__, e)


asyncio.run(main())
