import asyncio


cancelled = []


async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        # TaskGroup cancels its children in set order (by address): do not print here
        cancelled.append(name)
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1"))
            tg.create_task(child("c2"))
            await asyncio.sleep(0.01)
            raise LookupError("body failed")
    except ExceptionGroup as eg:
        print("body error arrives in a group:", repr(eg))
    except LookupError as e:
        print("bare:", repr(e))
    print("cancelled children:", sorted(cancelled))


asyncio.run(main())
