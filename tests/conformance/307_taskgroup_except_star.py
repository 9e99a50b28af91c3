import asyncio


async def fetch(i):
    await asyncio.sleep(0.01 * i)
    if i == 2:
        raise ValueError(f"bad value {i}")
    if i == 3:
        raise TypeError(f"bad type {i}")
    if i == 4:
        raise KeyError(i)
    return i * 10


async def main():
    results = {}
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(1, 6):
                results[i] = tg.create_task(fetch(i))
    except* ValueError as eg:
        print("ValueErrors:", [str(e) for e in eg.exceptions])
        print("group type:", type(eg).__name__, "message:", eg.message)
    except* (TypeError, KeyError) as eg:
        print("Type/Key:", [repr(e) for e in eg.exceptions])
    print("task 1:", results[1].result())
    print("task 5 cancelled:", results[5].cancelled())
    print("states:", {i: t.done() for i, t in results.items()})

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch(2))
            tg.create_task(fetch(3))
    except ExceptionGroup as eg:
        print(str(eg))
        print(sorted(type(e).__name__ for e in eg.exceptions))


asyncio.run(main())
