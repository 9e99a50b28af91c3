import asyncio


async def fine(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled because a sibling failed")
        raise


async def broken():
    await asyncio.sleep(0.03)
    raise ValueError("broken child")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fine("quick", 0.01))
            tg.create_task(broken())
            tg.create_task(fine("slow", 0.2))
            print("body done, waiting for children")
    except ExceptionGroup as eg:
        print("caught:", eg)
        print("repr:", repr(eg))
        print("message:", eg.message)
        print("sub-exceptions:", [repr(e) for e in eg.exceptions])


asyncio.run(main())
