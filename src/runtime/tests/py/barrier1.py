import asyncio
async def main():
    b = asyncio.Barrier(3)
    async def w(n, d):
        await asyncio.sleep(d)
        print("arrive", n, b.n_waiting)
        i = await b.wait()
        print("pass", n, i)
    await asyncio.gather(w(0, 0.1), w(1, 0.2), w(2, 0.3))
    print("after round 1", b.n_waiting, b.broken)
    await asyncio.gather(w(3, 0.1), w(4, 0.1), w(5, 0.1))
    async def waiter(n):
        try:
            await b.wait()
        except asyncio.BrokenBarrierError as e:
            print("broken", n, e)
    ts = [asyncio.create_task(waiter(i)) for i in range(2)]
    await asyncio.sleep(0.1)
    await b.abort()
    await asyncio.gather(*ts)
    print("aborted", b.broken)
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("wait on broken:", e)
    await b.reset()
    print("reset", b.broken, b.n_waiting)
    b2 = asyncio.Barrier(2)
    t = asyncio.create_task(b2.wait())
    await asyncio.sleep(0.1)
    print("n_waiting", b2.n_waiting)
    t.cancel()
    try: await t
    except asyncio.CancelledError: print("cancelled waiter", b2.n_waiting)
    ts = [asyncio.create_task(waiter(i)) for i in range(2)]
    await asyncio.sleep(0.1)
    await b.reset()
    await asyncio.gather(*ts)
    print("after reset", b.broken, b.n_waiting)
asyncio.run(main())

# CPython 3.14 output:
# arrive 0 0
# arrive 1 1
# arrive 2 2
# pass 2 2
# pass 0 0
# pass 1 1
# after round 1 0 False
# arrive 3 0
# arrive 4 1
# arrive 5 2
# pass 5 2
# pass 3 0
# pass 4 1
# broken 0 Abort or reset of barrier
# broken 1 Abort or reset of barrier
# aborted True
# wait on broken: Barrier aborted
# reset False 0
# n_waiting 1
# cancelled waiter 0
# broken 0 Abort or reset of barrier
# broken 1 Abort or reset of barrier
# after reset False 0
