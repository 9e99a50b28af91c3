import asyncio


async def leaf(name, delay, log):
    try:
        await asyncio.sleep(delay)
        log.append(f"{name} done")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    log = []
    g1 = asyncio.gather(leaf("a", 0.001, log), leaf("b", 0.002, log))
    g2 = asyncio.gather(leaf("c", 0.003, log), asyncio.sleep(0.001, "s"))
    outer = asyncio.gather(g1, g2)
    print(await outer)
    print(log)

    log = []
    g1 = asyncio.gather(leaf("d", 0.001, log), leaf("e", 0.05, log))
    g2 = asyncio.gather(leaf("f", 0.05, log))
    outer = asyncio.gather(g1, g2, return_exceptions=True)
    await asyncio.sleep(0.01)
    print("cancel outer:", outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", outer.cancelled(), g1.cancelled(), g2.cancelled())
    print(sorted(log))

    log = []
    g = asyncio.gather(leaf("h", 0.001, log), leaf("i", 0.05, log), return_exceptions=True)
    await asyncio.sleep(0.01)
    inner = [t for t in asyncio.all_tasks() if "leaf" in repr(t.get_coro())]
    for t in inner:
        t.cancel()
    print(await g, g.cancelled())
    print(sorted(log))

    g = asyncio.gather(asyncio.sleep(0.01))
    print(g.cancel(), g.cancel(), g.done())
    try:
        await g
    except asyncio.CancelledError as e:
        print("cancel again:", repr(e))


asyncio.run(main())
