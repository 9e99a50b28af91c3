import asyncio


async def step(name, delay, limit, log):
    try:
        async with asyncio.timeout(limit) as cm:
            await asyncio.sleep(delay)
        log.append(f"{name} finished")
    except TimeoutError as e:
        log.append(f"{name} timed out {type(e).__name__} {cm.expired()}")
        return None
    return name


async def strict(name, delay, limit):
    async with asyncio.timeout(limit):
        await asyncio.sleep(delay)
    return name


async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(step("a", 0.001, 0.02, log))
        b = tg.create_task(step("b", 0.05, 0.01, log))
    print(a.result(), b.result(), log)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(strict("c", 0.001, 0.02))
            tg.create_task(strict("d", 0.05, 0.01))
    except* TimeoutError as eg:
        print("group:", eg.message, [type(e).__name__ for e in eg.exceptions])

    try:
        async with asyncio.timeout(0.01):
            async with asyncio.TaskGroup() as tg:
                t = tg.create_task(asyncio.sleep(1, "never"))
    except TimeoutError as e:
        print("outer timeout", repr(e), t.cancelled())


asyncio.run(main())
