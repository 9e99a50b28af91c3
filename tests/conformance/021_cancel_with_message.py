import asyncio


async def victim():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside:", repr(e), "args:", e.args, "str:", repr(str(e)))
        raise


async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside:", repr(e), "args:", e.args)
    for how in ("exception", "result"):
        try:
            getattr(t, how)()
        except asyncio.CancelledError as e:
            print(f"{how}() raises CancelledError {e.args}")

    t2 = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError as e:
        print("no message:", repr(e), e.args)


asyncio.run(main())
