import asyncio
async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, print, "timer A")
    async def t1():
        await asyncio.sleep(0.1); print("t1 woke")
    task = asyncio.create_task(t1())
    loop.call_later(0.1, print, "timer B")
    await asyncio.sleep(0.1)
    print("main woke")
    await task
    fut = loop.create_future()
    async def setter():
        print("setter runs"); fut.set_result("v"); print("setter done")
    async def reader():
        print("reader waits"); print("reader got", await fut)
    r = asyncio.create_task(reader()); s = asyncio.create_task(setter())
    fut.add_done_callback(lambda f: print("fut callback"))
    await asyncio.gather(r, s)
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js order3.py):
# timer A
# timer B
# main woke
# t1 woke
# reader waits
# setter runs
# setter done
# fut callback
# reader got v
