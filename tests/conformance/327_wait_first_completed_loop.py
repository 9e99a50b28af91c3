import asyncio


async def poll(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} crashed")
    return f"{name} ok"


async def main():
    pending = {
        asyncio.create_task(poll("a", 0.04), name="a"),
        asyncio.create_task(poll("b", 0.01), name="b"),
        asyncio.create_task(poll("c", 0.07, fail=True), name="c"),
        asyncio.create_task(poll("d", 0.1), name="d"),
    }
    rounds = 0
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        rounds += 1
        for t in sorted(done, key=lambda t: t.get_name()):
            if t.exception():
                print(f"round {rounds}: {t.get_name()} failed with {t.exception()}")
            else:
                print(f"round {rounds}: {t.get_name()} -> {t.result()}")
        print("  still pending:", sorted(t.get_name() for t in pending))
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    done, pending = await asyncio.wait([asyncio.create_task(poll("e", 0.01))], timeout=0.5)
    print(len(done), len(pending))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait([poll("coro", 0)])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
