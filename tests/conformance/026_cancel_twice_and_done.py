import asyncio


async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("slow sees one CancelledError, args", e.args)
        raise


async def quick():
    return 1


async def main():
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    print("first cancel:", t.cancel("one"))
    print("second cancel:", t.cancel("two"))
    print("cancelling():", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("await ->", e.args)
    print("cancel after done:", t.cancel())

    q = asyncio.create_task(quick())
    await q
    print("cancel finished task:", q.cancel(), "cancelled():", q.cancelled(), "result:", q.result())


asyncio.run(main())
