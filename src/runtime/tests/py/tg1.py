# CPython iterates a TaskGroup's tasks in set order (by address) when aborting, so it
# prints "child cancelled" lines in either order; the expected output keeps the order we produce.
import asyncio
async def child(n, d):
    try:
        await asyncio.sleep(d); print("child done", n); return n
    except asyncio.CancelledError:
        print("child cancelled", n); raise
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(1, 1))
            await asyncio.sleep(0.1)
            raise KeyError("body")
    except* KeyError as eg: print("1:", repr(eg.exceptions))
    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(2, 1))
            tg.create_task(child(3, 1))
        print("never")
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.1)
    p.cancel()
    try: await p
    except asyncio.CancelledError: print("2: parent cancelled", p.cancelled())
    async def bad(): await asyncio.sleep(0.1); raise ValueError("v")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(4, 1))
            tg.create_task(bad())
    except* ValueError as eg:
        print("3:", repr(eg.exceptions))
        try: tg.create_task(child(5, 1))
        except RuntimeError as e: print("3:", e)
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child(6, 0.1)); b = tg.create_task(child(7, 0.2))
    print("4:", a.result(), b.result(), asyncio.current_task().cancelling())
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js tg1.py):
# child cancelled 1
# 1: (KeyError('body'),)
# child cancelled 2
# child cancelled 3
# 2: parent cancelled True
# child cancelled 4
# 3: (ValueError('v'),)
# 3: TaskGroup <TaskGroup cancelling> is finished
# child done 6
# child done 7
# 4: 6 7 0
