import asyncio


async def critical(name, log):
    try:
        await asyncio.sleep(0.02)
        log.append(f"{name} committed")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    log = []
    inner = asyncio.create_task(critical("save", log))
    outer = asyncio.gather(asyncio.shield(inner), critical("other", log))
    await asyncio.sleep(0.005)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        log.append("gather cancelled")
    log.append(f"inner done? {inner.done()}")
    print(await inner)
    print(log)

    async def parent():
        child = asyncio.create_task(critical("child", log2))
        try:
            return await asyncio.shield(child)
        except asyncio.CancelledError:
            log2.append("parent cancelled; waiting for child anyway")
            r = await child
            log2.append(f"child gave {r}")
            raise
    log2 = []
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.005)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        log2.append(f"parent: cancelled={p.cancelled()}")
    print(log2)

    f = asyncio.get_running_loop().create_future()
    s = asyncio.shield(f)
    s.cancel()
    print(s.cancelled(), f.cancelled())
    f.set_result(5)
    print(await asyncio.shield(f), await asyncio.shield(asyncio.sleep(0, "x")))


asyncio.run(main())
