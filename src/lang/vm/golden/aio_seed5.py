import asyncio
async def ok():
    try:
        print("ok start")
        await asyncio.sleep(5)
        print("ok end")
    except asyncio.CancelledError:
        print("ok cancelled")
        raise
async def bad():
    await asyncio.sleep(1)
    print("bad raising")
    raise ValueError("boom")
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(ok())
            t2 = tg.create_task(bad())
            print("body waiting")
            await asyncio.sleep(10)
            print("body never")
    except* ValueError as eg:
        print("caught", repr(eg.exceptions), round(loop.time() - t0))
    print(t1.cancelled(), t2.done(), asyncio.current_task().cancelling())
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js seed5.py):
# body waiting
# ok start
# bad raising
# ok cancelled
# caught (ValueError('boom'),) 1
# True True 0
