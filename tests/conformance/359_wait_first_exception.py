import asyncio


async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} broke")
    return name


async def main():
    tasks = [
        asyncio.create_task(work("a", 0.001), name="a"),
        asyncio.create_task(work("b", 0.01, fail=True), name="b"),
        asyncio.create_task(work("c", 0.05), name="c"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), t.exception() if t.exception() else t.result())
    for t in pending:
        t.cancel()
    done2, pending2 = await asyncio.wait(pending)
    print([t.cancelled() for t in done2], pending2)

    ts = [asyncio.create_task(work(x, 0.001 * i)) for i, x in enumerate("xyz", 1)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), sorted(t.result() for t in done))

    ts = [asyncio.create_task(work("p", 0.001, True)), asyncio.create_task(work("q", 0.03))]
    done, pending = await asyncio.wait(ts, timeout=0.01, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [repr(t.exception()) for t in done])
    pending.pop().cancel()
    await asyncio.sleep(0)
    try:
        await asyncio.wait(ts, return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    print(asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)


asyncio.run(main())
