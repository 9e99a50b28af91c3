# cpython: 3.12+ (why: 3.11 leaves cancelling() at 1 after a TaskGroup aborted inside asyncio.timeout; 3.12+ uncancels)
import asyncio


async def failing():
    await asyncio.sleep(0.02)
    raise ValueError("child failed")


async def slow():
    await asyncio.sleep(1)


async def main():
    try:
        try:
            async with asyncio.timeout(0.1):
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(failing())
                    tg.create_task(slow())
        except TimeoutError:
            print("TimeoutError")
    except* ValueError as g:
        print("child failure wins, the timeout never fired:", [str(e) for e in g.exceptions])
    print("cancelling():", asyncio.current_task().cancelling())

    try:
        async with asyncio.timeout(0.03):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(slow())
                tg.create_task(slow())
    except TimeoutError:
        print("timeout fired first: TimeoutError")
    print("cancelling():", asyncio.current_task().cancelling())


asyncio.run(main())
