import asyncio
async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "cb1")
    t1 = asyncio.create_task(worker("A", 2))
    loop.call_soon(print, "cb2")
    t2 = asyncio.create_task(worker("B", 2))
    print("main before")
    await asyncio.sleep(0)
    print("main after")
    await t1
    print("t1 done")
    await t2
    print("t2 done")
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js order1.py):
# main before
# cb1
# A 0
# cb2
# B 0
# main after
# A 1
# B 1
# t1 done
# t2 done
