import asyncio
async def main():
    loop = asyncio.get_running_loop()
    started = False
    async def f():
        nonlocal started; started = True; return 1
    try: await asyncio.wait_for(f(), 0)
    except TimeoutError as e: print("zero timeout", started, type(e.__cause__).__name__)
    fut = loop.create_future(); fut.set_result(5)
    print("done fut", await asyncio.wait_for(fut, 0))
    async def stubborn():
        try: await asyncio.sleep(1)
        except asyncio.CancelledError: return "suppressed"
    print("stubborn", await asyncio.wait_for(stubborn(), 0.1), asyncio.current_task().cancelling())
    print("in time", await asyncio.wait_for(asyncio.sleep(0.1, "v"), 1))
    async def boom(): await asyncio.sleep(0.05); raise ValueError("b")
    try: await asyncio.wait_for(boom(), 1)
    except ValueError as e: print("boom", repr(e))
    async def w():
        try: await asyncio.wait_for(asyncio.sleep(1), 0.5)
        except asyncio.CancelledError: print("w cancelled", asyncio.current_task().cancelling()); raise
    t = asyncio.create_task(w()); await asyncio.sleep(0.1); t.cancel()
    try: await t
    except asyncio.CancelledError: print("t cancelled")
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js waitfor1.py):
# zero timeout False CancelledError
# done fut 5
# stubborn suppressed 0
# in time v
# boom ValueError('b')
# w cancelled 1
# t cancelled
