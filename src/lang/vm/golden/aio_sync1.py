import asyncio
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    now = lambda: round(loop.time() - t0, 1)
    lock = asyncio.Lock()
    order = []
    async def user(n, hold):
        async with lock:
            order.append(n); print("got", n); await asyncio.sleep(hold)
    await lock.acquire()
    ts = [asyncio.create_task(user(i, 0.1)) for i in range(4)]
    await asyncio.sleep(0)
    ts[1].cancel()
    await asyncio.sleep(0)
    lock.release()
    await asyncio.gather(*ts, return_exceptions=True)
    print(order, [t.cancelled() for t in ts])
    order.clear()
    await lock.acquire()
    ts = [asyncio.create_task(user(i, 0.1)) for i in range(3)]
    await asyncio.sleep(0)
    lock.release()
    ts[0].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    print(order, [t.cancelled() for t in ts])
    sem = asyncio.Semaphore(2)
    async def s(n):
        async with sem: print("sem in", n, now()); await asyncio.sleep(0.1)
    await asyncio.gather(*(s(i) for i in range(5)))
    bs = asyncio.BoundedSemaphore(1)
    try: bs.release()
    except ValueError as e: print(repr(e))
    ev = asyncio.Event()
    async def w(n): print("wait", n); await ev.wait(); print("woke", n)
    ts = [asyncio.create_task(w(i)) for i in range(3)]
    await asyncio.sleep(0.1); ev.set(); await asyncio.gather(*ts)
    cond = asyncio.Condition()
    async def cw(n):
        async with cond:
            print("cw wait", n); await cond.wait(); print("cw woke", n)
    ts = [asyncio.create_task(cw(i)) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond: cond.notify(2)
    await asyncio.sleep(0.1)
    async with cond: cond.notify_all()
    await asyncio.gather(*ts)
    try: lock.release()
    except RuntimeError as e: print(e)
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js sync1.py):
# got 0
# got 2
# got 3
# [0, 2, 3] [False, True, False, False]
# got 1
# got 2
# [1, 2] [True, False, False]
# sem in 0 0.5
# sem in 1 0.5
# sem in 2 0.6
# sem in 3 0.6
# sem in 4 0.7
# ValueError('BoundedSemaphore released too many times')
# wait 0
# wait 1
# wait 2
# woke 0
# woke 1
# woke 2
# cw wait 0
# cw wait 1
# cw wait 2
# cw woke 0
# cw woke 1
# cw woke 2
# Lock is not acquired.
