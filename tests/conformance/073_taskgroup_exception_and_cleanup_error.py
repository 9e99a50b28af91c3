import asyncio


async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("first failure")


async def bad_cleanup():
    try:
        await asyncio.sleep(1)
    finally:
        raise RuntimeError("cleanup failed too")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            tg.create_task(bad_cleanup())
    except* ValueError as g:
        print("ValueError:", [str(e) for e in g.exceptions])
    except* RuntimeError as g:
        print("RuntimeError:", [str(e) for e in g.exceptions])
        print("context of the RuntimeError:", type(g.exceptions[0].__context__).__name__)


asyncio.run(main())
