import asyncio


def cb(tag, *args):
    print("callback", tag, args)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "first")
    loop.call_soon(cb, "second", 1, 2)
    h = loop.call_soon(cb, "cancelled")
    loop.call_soon(cb, "third")
    h.cancel()
    print("handle cancelled:", h.cancelled())
    print("main before yielding")
    await asyncio.sleep(0)
    print("main after one sleep(0)")
    loop.call_soon(lambda: loop.call_soon(cb, "nested-soon"))
    loop.call_soon(cb, "plain")
    await asyncio.sleep(0)
    print("main after second sleep(0)")
    await asyncio.sleep(0)
    print("main after third sleep(0)")


asyncio.run(main())
