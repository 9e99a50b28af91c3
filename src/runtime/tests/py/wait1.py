import asyncio
async def job(n, d, fail=False):
    await asyncio.sleep(d)
    if fail: raise ValueError(n)
    return n
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    now = lambda: round(loop.time() - t0, 1)
    names = {}
    def nm(s): return sorted(names[t] for t in s)
    ts = [asyncio.create_task(job(i, d, f)) for i, (d, f) in enumerate([(0.3, False), (0.1, False), (0.2, True)])]
    for i, t in enumerate(ts): names[t] = i
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first completed", nm(done), nm(pending), now())
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception", nm(done), nm(pending), now())
    done, pending = await asyncio.wait(ts, timeout=0.05)
    print("timeout", nm(done), nm(pending), now())
    done, pending = await asyncio.wait(ts)
    print("all", nm(done), nm(pending), now())
    try: await asyncio.wait([])
    except ValueError as e: print(repr(e))
    ts = [asyncio.create_task(job(i, d)) for i, d in enumerate([0.3, 0.1, 0.2])]
    for c in asyncio.as_completed(ts):
        print("got", await c, now())
    ts = [asyncio.create_task(job(i, d)) for i, d in enumerate([0.3, 0.1, 0.2])]
    try:
        async for t in asyncio.as_completed(ts, timeout=0.15):
            print("async got", t.result(), now())
    except TimeoutError: print("as_completed timeout", now())
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js wait1.py):
# first completed [1] [0, 2] 0.1
# first exception [1, 2] [0] 0.2
# timeout [1, 2] [0] 0.3
# all [0, 1, 2] [] 0.3
# ValueError('Set of Tasks/Futures is empty.')
# got 1 0.4
# got 2 0.5
# got 0 0.6
# async got 1 0.7
# as_completed timeout 0.8
