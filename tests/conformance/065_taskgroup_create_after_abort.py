import asyncio


async def fail():
    raise ValueError("fail fast")


async def nothing():
    await asyncio.sleep(0.01)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            await asyncio.sleep(0.05)
            print("never: the body is cancelled when a child fails")
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])
    coro = nothing()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()

    tg2 = asyncio.TaskGroup()
    coro = nothing()
    try:
        tg2.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()


asyncio.run(main())
