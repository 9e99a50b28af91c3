import asyncio
async def work():
    await asyncio.sleep(0.1)
async def fail():
    raise ValueError("x")
async def main():
    work()
    t = asyncio.create_task(fail())
    t2 = asyncio.create_task(work())
    print(t2)
    await asyncio.sleep(0.5)
    print(t, t2)
    print("end")
asyncio.run(main())
print("after")
