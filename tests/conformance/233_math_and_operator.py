# cpython: 3.12+ (why: 3.14 words math.sqrt's domain error 'expected a nonnegative input, got -1.0')
# math and operator as a results summary after concurrent work uses them.
import asyncio
import math
from operator import itemgetter, attrgetter, add
from functools import reduce


class Result:
    def __init__(self, name, ms):
        self.name = name
        self.ms = ms

    def __repr__(self):
        return f"Result({self.name!r}, {self.ms})"


async def measure(name, ms):
    await asyncio.sleep(ms / 1000)
    return Result(name, ms)


async def main():
    results = await asyncio.gather(*(measure(n, ms) for n, ms in [("a", 30), ("b", 10), ("c", 20), ("d", 40)]))
    print(sorted(results, key=attrgetter("ms")))
    pairs = [(r.name, r.ms) for r in results]
    print(sorted(pairs, key=itemgetter(1), reverse=True))
    total = reduce(add, (r.ms for r in results))
    mean = total / len(results)
    sd = math.sqrt(sum((r.ms - mean) ** 2 for r in results) / len(results))
    print("total", total, "mean", mean, "sd", round(sd, 4))
    print(math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.gcd(40, 30), math.factorial(6))
    print(math.isclose(sd, 11.1803, rel_tol=1e-4), math.hypot(3, 4), math.log(1000, 10), math.log2(8))
    print(math.comb(10, 3), math.isqrt(99), math.prod([1, 2, 3, 4]), math.pi > 3, math.inf > 10**100)
    try:
        math.sqrt(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
