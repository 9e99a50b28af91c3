import asyncio
async def long():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("long cancelled")
        raise
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    try:
        async with asyncio.timeout(3) as cm:
            await long()
    except TimeoutError:
        print("timed out", round(loop.time() - t0), cm.expired(), asyncio.current_task().cancelling())
    t = asyncio.create_task(long())
    try:
        await asyncio.wait_for(t, 3)
    except TimeoutError:
        print("wait_for timed out", round(loop.time() - t0), t.cancelled())
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js seed4.py):
# long cancelled
# timed out 3 True 0
# long cancelled
# wait_for timed out 6 True
