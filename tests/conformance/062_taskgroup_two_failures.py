import asyncio


async def fail_at(delay, exc):
    # delay 0 -> fail on the first step (same loop iteration as the sibling)
    await asyncio.sleep(delay)
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_at(0, KeyError("first")))
            tg.create_task(fail_at(0, TypeError("second")))
            tg.create_task(fail_at(0.2, OSError("never raised")))
    except* KeyError as eg:
        print("KeyError part:", repr(eg))
    except* TypeError as eg:
        print("TypeError part:", repr(eg))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_at(0, KeyError("a")))
            tg.create_task(fail_at(0, KeyError("b")))
    except ExceptionGroup as eg:
        print(str(eg))
        print([str(e) for e in eg.exceptions])


asyncio.run(main())
