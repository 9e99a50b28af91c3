import asyncio


async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("worker sees args:", e.args)
        raise


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn ignores the first cancel")
    await asyncio.sleep(0.01)
    return "finished anyway"


async def main():
    t = asyncio.create_task(worker(), name="w")
    await asyncio.sleep(0)
    t.cancel(msg="shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter sees args:", e.args)
    print(t.cancelled(), repr(t))
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() args:", e.args)
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception() raises CancelledError too")

    s = asyncio.create_task(stubborn(), name="s")
    await asyncio.sleep(0)
    print("cancel returns", s.cancel())
    print("cancelling:", s.cancelling())
    print(await s, s.cancelled(), s.cancelling())
    print("cancel on done task:", s.cancel())

    u = asyncio.create_task(worker())
    print("cancel before start:", u.cancel("early"))
    await asyncio.sleep(0)
    print(u.done(), u.cancelled())


asyncio.run(main())
