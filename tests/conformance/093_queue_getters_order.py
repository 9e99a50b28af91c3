import asyncio


async def getter(name, q):
    item = await q.get()
    print(name, "got", item)


async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(f"g{i}", q)) for i in range(3)]
    await asyncio.sleep(0)
    print("three getters waiting")
    for item in "xyz":
        q.put_nowait(item)
    print("put three items")
    await asyncio.gather(*tasks)


asyncio.run(main())
