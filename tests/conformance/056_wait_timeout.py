import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    tasks = {asyncio.create_task(job(d), name=f"d{d}") for d in (0.02, 0.06, 0.3)}
    done, pending = await asyncio.wait(tasks, timeout=0.1)
    print("done:", sorted(t.get_name() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    print("no exception on timeout; pending tasks are not cancelled:", [t.cancelled() for t in pending])
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    coro = job(0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError:", e)
    coro.close()  # never awaited: close it, or CPython warns on stderr when it is collected


asyncio.run(main())
