import asyncio


async def step(name, actual):
    await asyncio.sleep(actual)
    return name


async def handle_request(steps, budget):
    loop = asyncio.get_running_loop()
    start = loop.time()
    completed = []
    try:
        async with asyncio.timeout(budget) as cm:
            for name, estimate, actual in steps:
                remaining = cm.when() - loop.time()
                if remaining < estimate:
                    print(f"  skip {name}: estimate {estimate}, about {round(remaining, 1)} left")
                    continue
                completed.append(await step(name, actual))
        return "ok", completed
    except TimeoutError:
        return "timeout", completed
    finally:
        print(f"  took about {round(loop.time() - start, 1)}s")


async def main():
    # (name, estimated cost, actual cost); times keep 30+ ms away from rounding edges
    plans = {
        "fits": ([("auth", 0.02, 0.02), ("db", 0.04, 0.04), ("render", 0.02, 0.02)], 0.2),
        "skips": ([("auth", 0.1, 0.1), ("db", 0.35, 0.35), ("render", 0.1, 0.1)], 0.4),
        "overruns": ([("auth", 0.02, 0.02), ("db", 0.05, 0.3), ("render", 0.02, 0.02)], 0.18),
    }
    for label, (steps, budget) in plans.items():
        print(label)
        print("  ->", await handle_request(steps, budget))


asyncio.run(main())
