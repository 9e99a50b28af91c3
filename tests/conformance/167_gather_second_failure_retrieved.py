import asyncio


async def fail(name, delay):
    await asyncio.sleep(delay)
    print(name, "raising")
    raise LookupError(name)


async def main():
    try:
        await asyncio.gather(fail("first", 0.02), fail("second", 0.06))
    except LookupError as e:
        print("gather raised", repr(e))
    await asyncio.sleep(0.1)
    print("the second failure was consumed by gather: no 'never retrieved' message")


asyncio.run(main())
print("done")
