import asyncio


async def bad():
    raise ValueError("nobody looks at me")


async def main():
    t = asyncio.create_task(bad(), name="forgotten")
    await asyncio.sleep(0.01)
    print("task done:", t.done())
    del t
    print("main ends")


asyncio.run(main())
print("after run")
