import asyncio


async def worker(name, sem, log, hold):
    log.append(f"{name} waiting")
    async with sem:
        log.append(f"{name} in")
        await asyncio.sleep(hold)
    log.append(f"{name} out")


async def main():
    sem = asyncio.Semaphore(2)
    log = []
    holds = [0.01, 0.05, 0.005, 0.001, 0.003, 0.002]
    ts = [asyncio.create_task(worker(f"t{i}", sem, log, h)) for i, h in enumerate(holds)]
    await asyncio.gather(*ts)
    print("\n".join(log))
    print(sem.locked(), repr(sem).split("[")[1])

    # a releaser between acquirers: the newcomer does not jump the queue
    sem = asyncio.Semaphore(0)
    order = []
    async def acq(n):
        await sem.acquire()
        order.append(n)
    ts = [asyncio.create_task(acq(i)) for i in range(3)]
    await asyncio.sleep(0)
    sem.release()
    ts.append(asyncio.create_task(acq(99)))
    sem.release()
    sem.release()
    sem.release()
    await asyncio.gather(*ts)
    print(order, sem.locked())

    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
