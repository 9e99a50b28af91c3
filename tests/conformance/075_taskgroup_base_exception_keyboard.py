import asyncio


class Stop(Exception):
    pass


async def sibling():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sibling cancelled")
        raise


async def stopper():
    await asyncio.sleep(0.01)
    raise Stop("stop requested")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling())
            tg.create_task(stopper())
    except* Stop as g:
        print("stopped:", g.exceptions[0])
    print("after group")


asyncio.run(main())
