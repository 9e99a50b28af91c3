import asyncio


def cb(tag, log):
    log.append(tag)


async def main():
    loop = asyncio.get_running_loop()
    log = []
    h1 = loop.call_soon(cb, "soon", log)
    h2 = loop.call_later(0.001, cb, "later", log)
    h3 = loop.call_later(0.002, cb, "cancelled", log)
    h3.cancel()
    print(h1.cancelled(), h2.cancelled(), h3.cancelled())
    await asyncio.sleep(0.01)
    print(log)
    print(h1.cancelled(), h2.cancelled(), h3.cancelled())
    h1.cancel()
    print(h1.cancelled(), h1)
    h4 = loop.call_soon(print, "printed")
    print(h4.cancelled())
    await asyncio.sleep(0)
    print(h4.cancelled())
    h5 = loop.call_at(loop.time() + 0.001, cb, "at", log)
    await asyncio.sleep(0.005)
    print(h5.cancelled(), log[-1], type(h5).__name__, type(h1).__name__)


asyncio.run(main())
