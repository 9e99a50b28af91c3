# Simulated workloads with a seeded random.Random per component, weighted choices and
# shuffles (the same numbers CPython draws).
import asyncio
import random


async def request(rng, i, log):
    kind = rng.choices(["read", "write", "scan"], weights=[6, 3, 1])[0]
    latency = round(rng.uniform(0.01, 0.05), 3)
    await asyncio.sleep(latency)
    log.append((i, kind, latency))


async def main():
    rng = random.Random(2024)
    log = []
    await asyncio.gather(*(request(rng, i, log) for i in range(8)))
    for entry in sorted(log):
        print(entry)
    other = random.Random(2024)
    print("same seed, same first pick:", other.choices(["read", "write", "scan"], weights=[6, 3, 1]))
    order = list(range(6))
    rng.shuffle(order)
    print("shuffled:", order, "sample:", rng.sample(range(100), 3))
    random.seed(7)
    print("module functions:", random.randint(1, 6), random.choice("abc"), round(random.random(), 6))
    print("cumulative:", random.choices("xyz", cum_weights=[1, 1, 3], k=5))


asyncio.run(main())
