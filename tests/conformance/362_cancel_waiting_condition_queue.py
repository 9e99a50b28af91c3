import asyncio


async def cond_waiter(name, cond, log):
    async with cond:
        try:
            await cond.wait()
            log.append(f"{name} woke")
        except asyncio.CancelledError:
            log.append(f"{name} cancelled, lock held={cond.locked()}")
            raise


async def getter(name, q, log):
    try:
        item = await q.get()
        log.append(f"{name} got {item}")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    cond = asyncio.Condition()
    log = []
    ws = [asyncio.create_task(cond_waiter(f"w{i}", cond, log)) for i in range(4)]
    await asyncio.sleep(0)
    ws[1].cancel()
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws, return_exceptions=True)
    print("\n".join(log))

    q = asyncio.Queue()
    log = []
    gs = [asyncio.create_task(getter(f"g{i}", q, log)) for i in range(4)]
    await asyncio.sleep(0)
    gs[0].cancel()
    gs[2].cancel()
    await asyncio.sleep(0)
    for item in "xyz":
        q.put_nowait(item)
    await asyncio.gather(*gs, return_exceptions=True)
    print("\n".join(log))
    print(q.qsize(), q.get_nowait(), q.empty())


asyncio.run(main())
