import asyncio


async def ok(name, delay, log):
    try:
        await asyncio.sleep(delay)
        log.append(f"{name} ok")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def bad(delay):
    await asyncio.sleep(delay)
    raise KeyError("inner")


async def inner_group(log):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(ok("i1", 0.001, log))
        tg.create_task(bad(0.005))
        tg.create_task(ok("i2", 0.05, log))


async def main():
    log = []
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(ok("o1", 0.002, log))
            outer.create_task(inner_group(log))
            outer.create_task(ok("o2", 0.05, log))
    except* KeyError as eg:
        print("outer caught", repr(eg))
        inner = eg.exceptions[0]
        print(type(inner).__name__, inner.message, inner.exceptions)
    print(sorted(log))

    log = []
    async def guarded():
        try:
            await inner_group(log)
        except ExceptionGroup as eg:
            log.append(f"handled {eg.exceptions!r}")
            return "recovered"
    async with asyncio.TaskGroup() as outer:
        t = outer.create_task(guarded())
        outer.create_task(ok("o3", 0.01, log))
    print(t.result(), sorted(log))


asyncio.run(main())
