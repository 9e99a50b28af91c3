# cpython: 3.12+ (why: sum() of floats is exact and ZeroDivisionError messages changed)
import asyncio


async def compute(a, b):
    await asyncio.sleep(0)
    return a // b, a % b, divmod(a, b)


async def main():
    pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (0, 3)]
    for (a, b), r in zip(pairs, await asyncio.gather(*(compute(a, b) for a, b in pairs))):
        print(a, b, r)
    print(round(2.5), round(3.5), round(-0.5), round(0.125, 2), round(2.675, 2), round(1234, -2), round(1250, -2))
    print(2 ** 100, -(2 ** 64) // 3, 10 ** 20 % 7, pow(3, 200, 1000), 2 ** -2, (-8) ** (1 / 3) if False else "skip")
    print(int("  42 "), int("-0x1f", 16), int("101", 2), int(3.99), int(-3.99), int("1_000"))
    print(1 / 3, 2 / 3, 10 / 4, 1e16 + 1, 0.1 * 3, 1.1 + 2.2, 3 * 1.1, 100 / 3)
    print(float("1e400"), -float("inf"), float("nan") == float("nan"), 1e308 * 10)
    print(7 // 0.5, -7 // 0.5, 7 % 0.5, 5.0 // 0.3, 5 % -0.3, -1 % 3.0)
    print(abs(-0.0), -0.0 == 0.0, max(0.0, -0.0), min(-0.0, 0.0), 3 == 3.0, hash(3) == hash(3.0))
    print(True + True, True * 5, 10 - False, divmod(-13, 4), divmod(13.5, -4))
    big = 12345678901234567890123456789
    print(big * big, big // 7, big % 1000, -big // 10 ** 10, str(big)[::-1][:5], len(str(2 ** 1000)))
    print(bin(-5), hex(-255), oct(64), 1 << 70, -1 >> 3, 5 & -3, 5 | -3, ~7, 6 ^ 3)
    print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, sum([0.1] * 10), 1e-320, 5e-324 / 2)
    print(float(2 ** 53 + 1), int(1e20), 2 ** 0.5, 10 ** -3, 4 ** 0.5, (-2) ** 2, -2 ** 2)
    for bad in [lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: divmod(1, 0), lambda: 2 ** -1 // 0]:
        try:
            bad()
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
    try:
        int("12a")
    except ValueError as e:
        print("ValueError:", e)
    try:
        10 ** 400 * 1.0
    except OverflowError as e:
        print("OverflowError:", e)


asyncio.run(main())
