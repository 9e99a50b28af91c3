import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        print("repr:", repr(cm))
        print("when:", cm.when())
        print("expired:", cm.expired())
        cm.reschedule(loop.time() + 0.05)
        print("rescheduled:", cm.when() is not None)
        await asyncio.sleep(0.01)
    print("done, expired:", cm.expired())
    print("after exit repr:", repr(cm))

    try:
        async with asyncio.timeout(0.02) as cm2:
            await asyncio.sleep(0.01)
            cm2.reschedule(None)
            print("disabled:", cm2.when())
            cm2.reschedule(loop.time() + 0.02)
            await asyncio.sleep(0.5)
    except TimeoutError as e:
        print("timed out:", type(e).__name__, "expired:", cm2.expired())
        print("cause:", type(e.__cause__).__name__)
        print("repr after:", repr(cm2))

    try:
        async with asyncio.timeout(-1) as cm3:
            print("inside an already expired timeout")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("negative delay expired:", cm3.expired())

    cm4 = asyncio.timeout(1)
    print("fresh repr:", repr(cm4).split(" when=")[0])
    try:
        cm4.reschedule(2)
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
