# cpython: 3.12+ (why: "too many values to unpack" names the count since 3.14)
import asyncio


async def call(fn, /, *args, **kwargs):
    await asyncio.sleep(0)
    return fn(*args, **kwargs)


def describe(a, b=2, *rest, key="k", **extra):
    return f"a={a} b={b} rest={rest} key={key} extra={extra}"


async def main():
    print(await call(describe, 1))
    print(await call(describe, *[1, 2, 3], *(4,), key="x", **{"z": 1, "y": 2}))
    opts = {"key": "from-dict", "b": 20}
    print(await call(describe, 0, **opts))
    first, *middle, last = range(6)
    print(first, middle, last)
    (a, b), [c, *d] = "xy", (1, 2, 3)
    print(a, b, c, d)
    head, *tail = "z"
    print(head, tail)
    merged = {**{"a": 1, "b": 2}, **{"b": 3}, "c": 4}
    print(merged, [*"ab", *range(2)], (*"cd",), {*[1, 1, 2]})
    for i, (k, v) in enumerate(merged.items()):
        print(i, k, v, end="; ")
    print()
    x, y = y0, x0 = 1, 2
    print(x, y, x0, y0)
    try:
        p, q = [1, 2, 3]
    except ValueError as e:
        print("ValueError:", e)
    try:
        p, q, r = [1, 2]
    except ValueError as e:
        print("ValueError:", e)
    try:
        describe(1, a=2)
    except TypeError as e:
        print("TypeError:", e)
    try:
        describe()
    except TypeError as e:
        print("TypeError:", e)
    try:
        describe(**{"a": 1}, **{"a": 2})
    except TypeError as e:
        print("TypeError:", e)
    try:
        await call(describe, 1, 2, key=1, **{"key": 2})
    except TypeError as e:
        print("TypeError:", e)
    results = await asyncio.gather(*[call(pow, b, e) for b, e in [(2, 3), (3, 2)]])
    print(*results, sep=" | ")
    print(*zip(*[(1, "a"), (2, "b")]))


asyncio.run(main())
