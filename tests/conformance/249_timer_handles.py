# Handles from call_soon/call_later/call_at: when(), cancel() and cancelled().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    fired = []
    soon = loop.call_soon(fired.append, "soon")
    dropped = loop.call_soon(fired.append, "dropped")
    later = loop.call_later(0.2, fired.append, "later")
    at = loop.call_at(t0 + 0.1, fired.append, "at")
    doomed = loop.call_later(0.15, fired.append, "doomed")
    print(type(soon).__name__, type(later).__name__)
    print("when:", round(later.when() - t0, 2), round(at.when() - t0, 2))
    dropped.cancel()
    doomed.cancel()
    print("cancelled:", soon.cancelled(), dropped.cancelled(), doomed.cancelled())
    await asyncio.sleep(0)
    print("after one iteration:", fired)
    await asyncio.sleep(0.3)
    print("at the end:", fired)
    fut = loop.create_future()
    loop.call_later(0.05, fut.set_result, "future resolved by a timer")
    print(await fut)


asyncio.run(main())
