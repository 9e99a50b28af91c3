import asyncio


async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inner cancelled with", e.args)
        raise


async def outer(inner_task):
    try:
        await inner_task
    except asyncio.CancelledError as e:
        print("outer cancelled with", e.args)
        raise


async def main():
    it = asyncio.create_task(inner(), name="inner")
    ot = asyncio.create_task(outer(it), name="outer")
    await asyncio.sleep(0.01)
    ot.cancel("stop outer")
    await asyncio.sleep(0)
    print("after one iteration: inner done?", it.done(), "outer done?", ot.done())
    await asyncio.gather(it, ot, return_exceptions=True)
    print("inner cancelled:", it.cancelled(), "outer cancelled:", ot.cancelled())


asyncio.run(main())
