# B2 switch: 100 tasks each doing 1,000 `await asyncio.sleep(0)` (task switches).
import asyncio


async def spinner(n):
    count = 0
    for _ in range(n):
        await asyncio.sleep(0)
        count += 1
    return count


async def main():
    results = await asyncio.gather(*[spinner(1_000) for _ in range(100)])
    print("b2_switch", sum(results))


asyncio.run(main())
