# cpython: 3.12+ (why: as_completed's TypeError for a lone coroutine reads differently before 3.13)
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise LookupError(name)
    return name


async def main():
    aws = [job("slow", 0.06), job("fast", 0.01), job("bad", 0.03, fail=True)]
    for i, fut in enumerate(asyncio.as_completed(aws)):
        try:
            print(i, "->", await fut)
        except LookupError as e:
            print(i, "-> failed:", repr(e))

    tasks = [asyncio.create_task(job(f"t{i}", 0.02 * (i + 1))) for i in range(4)]
    got = []
    try:
        for fut in asyncio.as_completed(tasks, timeout=0.05):
            got.append(await fut)
    except TimeoutError:
        print("timeout after", got)
    print("still pending:", [t.get_name() for t in tasks if not t.done()])
    for t in tasks:
        t.cancel()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in res])
    try:
        asyncio.as_completed(job("x", 0))
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
