# B7 chain: 1,000 tasks where task k awaits task k-1.
import asyncio


async def link(k, prev):
    value = 0
    if prev is not None:
        value = await prev
    return value + k


async def main():
    prev = None
    for k in range(1_000):
        prev = asyncio.create_task(link(k, prev))
    print("b7_chain", await prev)


asyncio.run(main())
