import asyncio
async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.1)
    except TimeoutError:
        print("timeout", len(q._getters))
    q.put_nowait(1)
    print(await q.get())
    full = asyncio.Queue(1); full.put_nowait("a")
    async def putter():
        await full.put("b"); print("put b")
    p = asyncio.create_task(putter())
    await asyncio.sleep(0)
    p.cancel()
    try: await p
    except asyncio.CancelledError: print("putter cancelled", len(full._putters))
    print(full.get_nowait(), full.qsize())
asyncio.run(main())

# CPython 3.14 output:
# timeout 0
# 1
# putter cancelled 0
# a 0
