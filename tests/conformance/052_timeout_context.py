import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.05) as cm:
            print("inside, expired():", cm.expired())
            await asyncio.sleep(1)
            print("never")
    except TimeoutError as e:
        print("TimeoutError outside the block:", repr(e), "expired():", cm.expired())

    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.01)
    print("did not fire; expired():", cm.expired())

    async with asyncio.timeout(None) as cm:
        print("timeout(None) when():", cm.when())
        await asyncio.sleep(0.01)
    print("no deadline, fine")

    t0 = loop.time()
    try:
        async with asyncio.timeout(0.05) as cm:
            cm.reschedule(loop.time() + 0.16)
            print("rescheduled to +", round(cm.when() - t0, 1))
            await asyncio.sleep(1)
    except TimeoutError:
        print("fired after about", round(loop.time() - t0, 1))


asyncio.run(main())
