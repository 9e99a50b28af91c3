# A corpus of programs in the playground's subset, for "parses" and no-panic tests.
# Each program is separated by a line "# ----".
import asyncio
import random as rnd, time
from asyncio import (TaskGroup, timeout,
                     Queue)
from . import sibling
from ..pkg.mod import name as alias


async def worker(name: str, queue: Queue, *, delay: float = 0.1) -> None:
    """Consume items until cancelled."""
    while True:
        item = await queue.get()
        try:
            await asyncio.sleep(delay * item)
            print(f"{name!s:>10} took {item=} at {time.monotonic():.2f}s")
        except asyncio.CancelledError as exc:
            print(f'{name} cancelled: {exc!r}')
            raise
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=10)
    for i in range(1_000):
        queue.put_nowait(i % 7 + 0x0F - 0o7 + 0b1)
    tasks = [asyncio.create_task(worker(f"worker-{i}", queue)) for i in range(3)]
    async with asyncio.timeout(10):
        await queue.join()
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(*results, sep="\n", end='')

asyncio.run(main())
# ----
import asyncio

counter = 0

def make_counter(start=0, step=1):
    count = start
    def inc(*args, **kwargs):
        nonlocal count
        count += step
        return count
    return inc

def bump():
    global counter
    counter += 1; counter -= 0; counter *= 1
    counter //= 1; counter **= 1; counter %= 1_000_000
    counter |= 0; counter &= ~0; counter ^= 0; counter <<= 0; counter >>= 0
    return counter

class Base(Exception):
    pass

class Timeout(Base, metaclass=type):
    code: int = 3

    def __init__(self, msg, /, code=3, *, retry=False):
        super().__init__(msg)
        self.code, self.retry = code, retry

    def __repr__(self):
        return f"{type(self).__name__}({self.args[0]!r}, code={self.code})"

def deco(fn):
    return fn

@deco
async def fetch(i, fail=lambda i, d=2: i % d == 0):
    await asyncio.sleep(0)
    if fail(i):
        raise Timeout("slow", code=i) from None
    elif i > 10 and not i < 5 or i is None:
        return None
    else:
        return {"i": i, **{"sq": i ** 2}}

async def gen(n):
    for i in range(n):
        yield i
    else:
        pass

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            ts = [tg.create_task(fetch(i)) for i in range(4) if i != 1]
    except* Timeout as eg:
        for e in eg.exceptions:
            print("failed:", repr(e))
    except* (ValueError, TypeError):
        raise
    squares = {k: v async for k, v in agen_pairs()} if False else {}
    values = [x async for x in gen(3)]
    evens = {x for x in values if x % 2 == 0}
    total = sum(x * y for x in values for y in values if x if y)
    first, *rest = values or [0]
    (a, b), c = (1, 2), 3
    a = b = c = 0
    xs = values[1:], values[::2], values[::-1], values[0]
    mat = [[1, 2], [3, 4]]
    print(mat[1][0], xs, evens, total, first, rest, squares)
    if (n := len(values)) > 2:
        print(f"{n=}, {n:#x}, {n:>{n}}, {'nested' + f'{n}'}")
    while n:
        n -= 1
        if n == 1:
            continue
        elif n == 0:
            break
    assert n == 0, "n should be zero"
    del values[0], mat
    x = 1 if n else 2
    y = -x ** 2 + (+x) - ~x
    z = 1 < x <= 3 != 4 and x not in (1,) and x is not None
    s = 'single' "double" '''triple
    quoted''' r'raw\n' "esc\t\x41\u00e9\101\\"
    big = 123456789012345678901234567890 * 1e-3 + .5 + 1. + 1_0.5e+2
    print(x, y, z, s, big, ..., None, True, False)
    with open_thing() as (f, g), other as h:
        pass
    with (
        ctx_a() as a,
        ctx_b() as b,
    ):
        pass
    return await asyncio.wait_for(fetch(0), timeout=1.5)

asyncio.run(main())
# ----
import asyncio

async def ticker(delay, to):
    """Yield numbers from 0 to `to` every `delay` seconds."""
    for i in range(to):
        yield i
        await asyncio.sleep(delay)

async def main():
    async for i in ticker(0.1, 3):
        print(i)
    data = {
        "a": 1,  # comment
        'b': [1, 2,
              3],
    }
    total = 0
    for key, value in data.items():
        if isinstance(value, list):
            total += sum(value)
        else:
            total += value
    print(total, \
          "continued")
    def inner():
        x = yield
        y = yield from range(3)
        return x, y
    f = lambda: (yield)
    g = lambda *a, k=1, **kw: (a, k, kw)
    print(inner, f, g(1, 2, k=3, z=4))
    l = [*data, *"ab"]
    t = *l, 1
    d = {**data, "c": 3}
    print(l, t, d, sorted(l, key=lambda s: str(s), reverse=True))

if __name__ == "__main__":
	asyncio.run(main())
