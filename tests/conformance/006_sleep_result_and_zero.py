import asyncio


async def main():
    value = await asyncio.sleep(0.01, result="payload")
    print("sleep(result=...) returned", value)
    none = await asyncio.sleep(0)
    print("sleep(0) returned", none)
    neg = await asyncio.sleep(-1, result="negative is fine")
    print(neg)
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0.1)
    print("elapsed about", round(loop.time() - t0, 1))


asyncio.run(main())
