import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    async def waiter(n):
        try:
            r = await fut
            print("waiter", n, "got", r)
        except asyncio.CancelledError:
            print("waiter", n, "cancelled")
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    fut.add_done_callback(lambda f: print("cb1"))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print("cb2"))
    print("cancel t1", ts[1].cancel(), fut.cancelled())
    loop.call_soon(print, "soon1")
    try:
        fut.set_result(42)
    except asyncio.InvalidStateError as e:
        print("set_result:", type(e).__name__)
    loop.call_soon(print, "soon2")
    print("main set")
    await asyncio.sleep(0)
    print("main after 1")
    await asyncio.sleep(0)
    print("main after 2")
    await asyncio.gather(*ts)
    print([t.cancelled() for t in ts])
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js order2.py):
# cancel t1 True True
# set_result: InvalidStateError
# main set
# cb1
# waiter 0 cancelled
# waiter 1 cancelled
# waiter 2 cancelled
# cb2
# soon1
# soon2
# main after 1
# main after 2
# [False, False, False]
