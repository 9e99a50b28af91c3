import asyncio


class StepFailed(Exception):
    pass


async def step(name, fail=False):
    await asyncio.sleep(0.01)
    if fail:
        raise StepFailed(f"{name} failed")
    print(f"  do   {name}")
    return name


async def compensate(name):
    await asyncio.sleep(0.005)
    print(f"  undo {name}")


async def saga(steps):
    done = []
    try:
        for name, fail in steps:
            done.append(await step(name, fail))
        return "committed"
    except StepFailed as e:
        print(f"  error: {e}; compensating {len(done)} step(s)")
        for name in reversed(done):
            await compensate(name)
        return "rolled back"


async def main():
    trips = {
        "happy": [("reserve flight", False), ("reserve hotel", False), ("charge card", False)],
        "hotel full": [("reserve flight", False), ("reserve hotel", True), ("charge card", False)],
        "card declined": [("reserve flight", False), ("reserve hotel", False), ("charge card", True)],
    }
    for label, steps in trips.items():
        print(label)
        print("  =>", await saga(steps))


asyncio.run(main())
