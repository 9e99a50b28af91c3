# cpython: 3.12+ (why: sum() of floats uses compensated summation since 3.12, so sum([0.1] * 10) is 1.0; 3.11 prints 0.9999999999999999)
import asyncio


async def main():
    print(0.1 + 0.2, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 2), 1 / 3, 2 / 3, 10 / 4, 10 / 5)
    print(1e100, 1.5e-10, 3.0 * 1.1, 100 * 1.1, 0.1 * 3, 1 / 7)
    print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, divmod(-7, 2), divmod(7, -2))
    print(2 ** 100, 3 ** 50 // 7 ** 20, -(2 ** 64) % 1000, 10 ** 30 + 1)
    print(2 ** -1, pow(2, 10), pow(3, 4, 5), abs(-5), abs(-2.5), int(-3.9), int("42"), float("1.5"))
    print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 5 % 3.0)
    print(sum([0.1] * 10), sum(range(101)), max([3, 1, 4]), min("hello"), sorted([3.5, -1, 2]))
    print(int(True) + True, 1_000_000, 0xff, 0o17, 0b101, hex(255), bin(5), oct(8))
    print(round(3.14159, 3), round(1234, -2), round(0.5), round(1.5), f"{2.675:.2f}")
    big = 1
    for i in range(1, 26):
        big *= i
    print("25! =", big, "digits:", len(str(big)))
    print(float(2 ** 53) + 1, 2 ** 53 + 1, 1e16 + 1, 123456789.123456789)


asyncio.run(main())
