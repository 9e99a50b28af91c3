import asyncio


async def target(log):
    log.append("target started")
    await asyncio.sleep(0)
    log.append("target resumed")
    return "finished"


async def main():
    log = []
    t = asyncio.create_task(target(log))
    await asyncio.sleep(0)
    log.append("main: cancel after the first step")
    t.cancel()
    try:
        log.append(f"result {await t}")
    except asyncio.CancelledError:
        log.append("main: CancelledError")
    print(log)

    log = []
    t = asyncio.create_task(target(log))
    loop = asyncio.get_running_loop()
    loop.call_soon(t.cancel)
    try:
        log.append(f"result {await t}")
    except asyncio.CancelledError:
        log.append("main: CancelledError")
    print(log)


asyncio.run(main())
