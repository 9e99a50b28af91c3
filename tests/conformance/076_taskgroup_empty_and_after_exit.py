import asyncio


async def quick():
    return "q"


async def main():
    async with asyncio.TaskGroup():
        print("empty group body")
    print("empty group exits at once")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(quick())
    print("result:", t.result())
    coro = quick()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()


asyncio.run(main())
