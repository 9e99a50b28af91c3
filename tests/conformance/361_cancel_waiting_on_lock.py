import asyncio


async def user(name, lock, log, hold=0.01):
    log.append(f"{name} wants")
    try:
        async with lock:
            log.append(f"{name} has")
            await asyncio.sleep(hold)
        log.append(f"{name} released")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled while waiting={not lock.locked() or True}")
        raise


async def main():
    lock = asyncio.Lock()
    log = []
    tasks = {n: asyncio.create_task(user(n, lock, log)) for n in "ABCD"}
    await asyncio.sleep(0.001)
    print(lock.locked(), sum(not t.done() for t in tasks.values()))
    tasks["B"].cancel()
    await asyncio.sleep(0)
    print(tasks['B'].done(), tasks['B'].cancelled())
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    print("\n".join(log))
    print({n: t.cancelled() for n, t in tasks.items()})

    # cancelled right after being woken: the lock passes to the next waiter
    log = []
    tasks = {n: asyncio.create_task(user(n, lock, log, 0.005)) for n in "EFG"}
    await asyncio.sleep(0.007)
    tasks["F"].cancel()
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    print("\n".join(log))
    print(lock.locked())


asyncio.run(main())
