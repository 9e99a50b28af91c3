import asyncio


async def counter():
    n = 0
    try:
        while True:
            await asyncio.sleep(0.05)
            n += 1
            print("count", n)
    except asyncio.CancelledError:
        print("stopped at", n)
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(counter())
    loop.call_later(0.13, t.cancel, "timer says stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees", repr(e))


asyncio.run(main())
