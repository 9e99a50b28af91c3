# B6 compute: `for i in range(1_000_000): s += i` in one coroutine (interpreter speed).
import asyncio


async def main():
    s = 0
    for i in range(1_000_000):
        s += i
    print("b6_compute", s)


asyncio.run(main())
