import asyncio


async def replica(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise OSError(f"{name} unavailable")
        return f"answer from {name}"
    except asyncio.CancelledError:
        print(f"  {name}: cancelled (lost the race)")
        raise


async def first_success(specs):
    tasks = [asyncio.create_task(replica(*s), name=s[0]) for s in specs]
    errors = []
    try:
        pending = set(tasks)
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for t in sorted(done, key=lambda t: t.get_name()):
                if t.exception() is None:
                    return t.result(), errors
                errors.append(str(t.exception()))
        raise RuntimeError(f"all replicas failed: {errors}")
    finally:
        for t in tasks:
            if not t.done():
                t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def main():
    cases = {
        "fastest wins": [("r1", 0.08), ("r2", 0.02), ("r3", 0.05)],
        "skip a failure": [("r1", 0.01, True), ("r2", 0.04), ("r3", 0.09)],
        "all fail": [("r1", 0.01, True), ("r2", 0.03, True)],
    }
    for label, specs in cases.items():
        print(label)
        try:
            print("  ->", await first_success(specs))
        except RuntimeError as e:
            print("  ->", e)


asyncio.run(main())
