import asyncio


async def numbers():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("numbers: finally (generator finalized)")


async def main():
    g = numbers()
    print("first:", await anext(g))
    print("second:", await anext(g))
    print("main returns without exhausting the generator")


asyncio.run(main())
print("after run")
