import asyncio


async def main():
    print("main starts")
    await asyncio.sleep(0)
    print("main ends")
    return 42


result = asyncio.run(main())
print("asyncio.run returned", result)
print("statements after asyncio.run still run")
