import asyncio


def flatten(exc, path=(), out=None):
    if out is None:
        out = []
    if isinstance(exc, BaseExceptionGroup):
        for i, sub in enumerate(exc.exceptions):
            flatten(sub, path + (i,), out)
    else:
        out.append((path, exc))
    return out


async def leaf(name, fail):
    await asyncio.sleep(0)
    if fail:
        raise ValueError(f"{name} failed")


async def team(name, members):
    async with asyncio.TaskGroup() as tg:
        for member, fail in members:
            tg.create_task(leaf(f"{name}/{member}", fail))


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(team("red", [("a", True), ("b", True)]))
            tg.create_task(team("blue", [("c", True)]))
            tg.create_task(team("green", [("d", False)]))
    except ExceptionGroup as eg:
        print(eg)
        for path, exc in flatten(eg):
            print(" ", ".".join(map(str, path)), type(exc).__name__, exc)


asyncio.run(main())
