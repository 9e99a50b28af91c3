import asyncio
async def child(n, d):
    try:
        await asyncio.sleep(d); print("child done", n); return n
    except asyncio.CancelledError:
        print("child cancelled", n); raise
async def bad(n, d):
    await asyncio.sleep(d); print("bad raising", n); raise ValueError(n)
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    now = lambda: round(loop.time() - t0, 2)
    # A. timeout around a TaskGroup: children cancelled, TimeoutError outside
    try:
        async with asyncio.timeout(0.1):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child(1, 1))
                tg.create_task(child(2, 1))
    except TimeoutError:
        print("A: timeout", now(), asyncio.current_task().cancelling())
    # B. nested TaskGroups: inner child fails
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(child(3, 1))
            async def inner_group():
                async with asyncio.TaskGroup() as inner:
                    inner.create_task(child(4, 1))
                    inner.create_task(bad(5, 0.1))
            outer.create_task(inner_group())
    except* ValueError as eg:
        print("B:", repr(eg), now())
    # C. parent cancelled from outside and a child fails in the same wait
    async def parent():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child(6, 1))
                tg.create_task(bad(7, 0.1))
                await asyncio.sleep(1)
        except* ValueError as eg:
            print("C: parent caught", repr(eg), asyncio.current_task().cancelling())
            raise
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.1)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("C: parent cancelled", now())
    except BaseException as e:
        print("C: parent raised", repr(e))
    # D. a task that swallows the timeout's CancelledError
    async with asyncio.timeout(0.1) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("D: swallowed", now())
    print("D: expired", cm.expired(), asyncio.current_task().cancelling())
    # E. a task awaiting itself
    async def selfish():
        await asyncio.current_task()
    try:
        await asyncio.create_task(selfish())
    except RuntimeError as e:
        print("E:", str(e).split(":")[0])
asyncio.run(main())

# CPython 3.14 output:
# child cancelled 2
# child cancelled 1
# A: timeout 0.11 0
# bad raising 5
# child cancelled 4
# child cancelled 3
# B: ExceptionGroup('unhandled errors in a TaskGroup', [ExceptionGroup('unhandled errors in a TaskGroup', [ValueError(5)])]) 0.21
# bad raising 7
# child cancelled 6
# C: parent caught ExceptionGroup('unhandled errors in a TaskGroup', [ValueError(7)]) 1
# C: parent raised ExceptionGroup('unhandled errors in a TaskGroup', [ValueError(7)])
# D: swallowed 0.41
# D: expired True 0
# E: Task cannot await on itself
