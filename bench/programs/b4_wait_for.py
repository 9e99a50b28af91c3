# B4 wait_for: 10,000 sequential `await asyncio.wait_for(asyncio.sleep(0), timeout=1)`.
import asyncio


async def main():
    done = 0
    for i in range(10_000):
        await asyncio.wait_for(asyncio.sleep(0, result=i), timeout=1)
        done += 1
    print("b4_wait_for", done)


asyncio.run(main())
