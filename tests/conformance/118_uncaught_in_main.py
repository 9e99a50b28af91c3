import asyncio


async def parse(text):
    await asyncio.sleep(0)
    return int(text)


async def main():
    print("parsing 12:", await parse("12"))
    print("parsing abc...")
    await parse("abc")
    print("never printed")


asyncio.run(main())
print("never printed either")
