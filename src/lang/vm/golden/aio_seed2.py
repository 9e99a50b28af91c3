import asyncio
async def worker():
    try:
        print("working")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cleanup")
        await asyncio.sleep(0.5)
        print("cleanup done")
        raise
async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("cancel", t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw cancelled", t.cancelled(), asyncio.current_task().cancelling())
    print("cancel again", t.cancel())
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js seed2.py):
# working
# cancel True 1
# cleanup
# cleanup done
# main saw cancelled True 0
# cancel again False
