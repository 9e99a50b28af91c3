import asyncio
async def inner():
    await asyncio.sleep(0.2); raise ValueError("late")
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: print("handler:", ctx["message"], repr(ctx.get("exception"))))
    t = asyncio.create_task(inner())
    s = asyncio.shield(t)
    await asyncio.sleep(0.1)
    s.cancel()
    try: await s
    except asyncio.CancelledError: print("outer cancelled", t.done())
    await asyncio.sleep(0.2)
    print("t", t.done())
    t2 = asyncio.create_task(asyncio.sleep(1))
    s2 = asyncio.shield(t2)
    await asyncio.sleep(0.1); t2.cancel()
    try: await s2
    except asyncio.CancelledError: print("s2 cancelled", s2.cancelled())
    t3 = asyncio.create_task(asyncio.sleep(0.3, "r3"))
    async def w(): return await asyncio.shield(t3)
    wt = asyncio.create_task(w())
    await asyncio.sleep(0.1); wt.cancel()
    try: await wt
    except asyncio.CancelledError: print("wt cancelled")
    print(await t3)
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js shield1.py):
# outer cancelled False
# handler: ValueError exception in shielded future ValueError('late')
# t True
# s2 cancelled True
# wt cancelled
# r3
