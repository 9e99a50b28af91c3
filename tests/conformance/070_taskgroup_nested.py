import asyncio


async def leaf(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    print("leaf", name, "ok")
    return name


async def subgroup(prefix, fail):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf(prefix + "1", 0.01))
        tg.create_task(leaf(prefix + "2", 0.04 if fail else 0.02, fail=fail))
    return prefix


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            a = outer.create_task(subgroup("a", False))
            b = outer.create_task(subgroup("b", True))
    except ExceptionGroup as eg:
        print(repr(eg))
        print("a finished before the failure:", a.done() and not a.cancelled())


asyncio.run(main())
