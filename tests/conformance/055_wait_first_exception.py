import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name)
    return name


async def main():
    tasks = [
        asyncio.create_task(job("a", 0.02), name="a"),
        asyncio.create_task(job("b", 0.05, fail=True), name="b"),
        asyncio.create_task(job("c", 0.2), name="c"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), "->", repr(t.exception()) if t.exception() else t.result())
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(tasks)
    print("after cancel:", sorted((t.get_name(), t.cancelled()) for t in done))

    ok = [asyncio.create_task(job(n, 0.01)) for n in "xy"]
    done, pending = await asyncio.wait(ok, return_when=asyncio.FIRST_EXCEPTION)
    print("no exception -> waits for all:", len(done), len(pending))


asyncio.run(main())
