import asyncio
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    now = lambda: round(loop.time() - t0, 2)
    # A. wait_for on a task that ignores cancellation for a while, then returns
    async def slow_to_die():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("A: inner got cancel", now())
            await asyncio.sleep(0.2)
            return "late value"
    t = asyncio.create_task(slow_to_die())
    try:
        r = await asyncio.wait_for(t, 0.1)
        print("A: wait_for returned", r, now())
    except TimeoutError:
        print("A: timeout", now())
    # B. queue: a woken getter is cancelled before it runs; the item goes to the next getter
    q = asyncio.Queue()
    async def getter(n):
        try:
            item = await q.get()
            print("B: getter", n, "got", item)
        except asyncio.CancelledError:
            print("B: getter", n, "cancelled")
            raise
    gs = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait("x")
    gs[0].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    q.put_nowait("y")
    await asyncio.gather(*gs, return_exceptions=True)
    print("B:", q.qsize(), [g.cancelled() for g in gs])
    # C. semaphore: a woken waiter is cancelled; the unit passes on
    sem = asyncio.Semaphore(0)
    async def s(n):
        try:
            await sem.acquire()
            print("C: acquired", n)
        except asyncio.CancelledError:
            print("C: cancelled", n); raise
    ss = [asyncio.create_task(s(i)) for i in range(3)]
    await asyncio.sleep(0)
    sem.release()
    ss[0].cancel()
    await asyncio.gather(*ss[:2], return_exceptions=True)
    print("C:", sem.locked(), [x.done() for x in ss])
    ss[2].cancel()
    await asyncio.gather(ss[2], return_exceptions=True)
    # D. gather with return_exceptions and a failure, outer awaited after all done
    async def boom(): raise ValueError("boom")
    async def ok(): await asyncio.sleep(0.1); return 1
    print("D:", await asyncio.gather(boom(), ok(), return_exceptions=True))
    # E. event set before wait, clear, wait again with timeout
    ev = asyncio.Event(); ev.set()
    print("E:", await ev.wait())
    ev.clear()
    try:
        await asyncio.wait_for(ev.wait(), 0.05)
    except TimeoutError:
        print("E: timed out", now())
asyncio.run(main())

# CPython 3.14 output:
# A: inner got cancel 0.1
# A: wait_for returned late value 0.3
# B: getter 0 cancelled
# B: getter 1 got x
# B: getter 2 got y
# B: 0 [True, False, False]
# C: cancelled 0
# C: acquired 1
# C: True [True, True, False]
# C: cancelled 2
# D: [ValueError('boom'), 1]
# E: True
# E: timed out 0.45
