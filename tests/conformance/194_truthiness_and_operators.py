import asyncio


async def main():
    values = [0, 1, -1, 0.0, "", "a", [], [0], {}, {"k": 0}, None, (), set()]
    print([bool(v) for v in values])
    print(0 or "default", "x" or "y", None and 1, 1 and 2, [] or {} or "last")
    x = 5
    print(1 < x < 10, 1 < x > 10, x == 5 != 6, not x, not not x)
    print("yes" if x > 3 else "no", [i for i in range(5) if i % 2 or i == 0])
    print(None is None, [] is not [], [] == [], 1 in [1, 2], "b" not in "abc")
    a = b = [1]
    b.append(2)
    print(a, a is b)
    n = 10
    n += 5
    n -= 3
    n *= 2
    n //= 5
    n **= 3
    n %= 7
    print(n)
    s = "ab"
    s *= 3
    print(s, -(-7 // 2), 7 / 2, 2 ** 0.5, 10 ** -2, True + True, 3 * False)
    print(max(1, 2.5), min("b", "a"), abs(-0.0), round(-0.5), round(0.125, 2), int(7.99), int(-7.99))
    print(isinstance(True, int), type(1 / 1).__name__, type(2 // 1).__name__, 5 // 2.0)


asyncio.run(main())
