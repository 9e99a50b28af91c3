import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.03) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("the timeout's cancel was swallowed inside the block")
            print("block continues")
        print("block exited normally; expired():", cm.expired())
    except TimeoutError:
        print("TimeoutError anyway")

    t0 = loop.time()
    try:
        async with asyncio.timeout(0.1):
            async with asyncio.timeout(0.3):
                await asyncio.sleep(1)
    except TimeoutError:
        print("outer deadline wins after about", round(loop.time() - t0, 1))

    async with asyncio.timeout(0.2) as cm:
        cm.reschedule(None)
        print("reschedule(None) removes the deadline:", cm.when())
        await asyncio.sleep(0.01)
    print("expired:", cm.expired())


asyncio.run(main())
