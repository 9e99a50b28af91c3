import asyncio
async def worker():
    loop = asyncio.get_running_loop()
    try:
        while True:
            print("tick", loop.time() - T0)
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cleanup", loop.time() - T0)
        await asyncio.sleep(1)
        print("cleanup done", loop.time() - T0)
        raise
async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    asyncio.create_task(worker())
    await asyncio.sleep(2.5)
    print("main done")
asyncio.run(main())
print("after run")

# CPython 3.14 output (node /work/shared/tools/python314/run.js seed6.py):
# tick 0.000380404999999584
# tick 1.0129522569999985
# tick 2.016552406999999
# main done
# cleanup 2.5012191020000003
# cleanup done 3.5065816570000017
# after run
