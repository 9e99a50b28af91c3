import asyncio


async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(3)]
    for i, (delay, value) in enumerate([(0.06, "c"), (0.02, "a"), (0.04, "b")]):
        loop.call_later(delay, futs[i].set_result, value)
    done, pending = await asyncio.wait(futs, return_when=asyncio.FIRST_COMPLETED)
    print("first:", [f.result() for f in done], "pending:", len(pending))
    done, pending = await asyncio.wait(futs)
    print("all:", [f.result() for f in futs])
    f = loop.create_future()
    loop.call_later(0.01, f.set_exception, ValueError("late failure"))
    done, _ = await asyncio.wait([f])
    print("wait never raises the future's exception:", [repr(x.exception()) for x in done])


asyncio.run(main())
