# Latency histogram with bisect while tasks report their timings.
import asyncio
import bisect
from collections import Counter

BOUNDS = [0.01, 0.02, 0.05, 0.1]
LABELS = ["<10ms", "<20ms", "<50ms", "<100ms", "slow"]


async def call(delay, hist, loop):
    await asyncio.sleep(delay)
    # The nominal latency (a measured one would depend on the machine).
    hist[LABELS[bisect.bisect_right(BOUNDS, delay)]] += 1


async def main():
    loop = asyncio.get_running_loop()
    hist = Counter()
    delays = [0.005, 0.015, 0.015, 0.03, 0.07, 0.2, 0.045, 0.004]
    await asyncio.gather(*(call(d, hist, loop) for d in delays))
    for label in LABELS:
        print(f"{label:>7} {'#' * hist[label]}")
    ordered = []
    for d in delays:
        bisect.insort(ordered, d)
    print(ordered)
    print(bisect.bisect_left(ordered, 0.015), bisect.bisect(ordered, 0.015))


asyncio.run(main())
