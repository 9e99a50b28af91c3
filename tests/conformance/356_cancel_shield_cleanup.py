import asyncio


async def cleanup(name, log):
    log.append(f"{name}: cleanup start")
    await asyncio.sleep(0.01)
    log.append(f"{name}: cleanup done")
    return "cleaned"


async def job(name, log):
    try:
        log.append(f"{name}: working")
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        log.append(f"{name}: cancelled {e.args}")
        raise
    finally:
        r = await asyncio.shield(cleanup(name, log))
        log.append(f"{name}: finally got {r}")


async def main():
    log = []
    t = asyncio.create_task(job("A", log))
    await asyncio.sleep(0.005)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        log.append(f"main: {e!r}")
    print(t.cancelled(), t.cancelling())

    t2 = asyncio.create_task(job("B", log))
    await asyncio.sleep(0.005)
    t2.cancel()
    await asyncio.sleep(0.002)
    t2.cancel("again")
    try:
        await t2
    except asyncio.CancelledError as e:
        log.append(f"main: B {e.args}")
    await asyncio.sleep(0.02)
    print("\n".join(log))


asyncio.run(main())
