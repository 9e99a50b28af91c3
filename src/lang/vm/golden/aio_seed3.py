import asyncio
async def save():
    print("saving")
    await asyncio.sleep(3)
    print("saved")
    return "ok"
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    t = asyncio.create_task(save())
    try:
        await asyncio.wait_for(asyncio.shield(t), 1)
    except TimeoutError as e:
        print("timeout", round(loop.time() - t0), type(e.__cause__).__name__)
    r = await t
    print(r, round(loop.time() - t0))
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js seed3.py):
# saving
# timeout 1 CancelledError
# saved
# ok 3
