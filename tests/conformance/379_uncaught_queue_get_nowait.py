import asyncio


async def drain(q):
    items = []
    while True:
        items.append(q.get_nowait())
        print("took", items[-1])


async def main():
    q = asyncio.Queue()
    for i in range(2):
        q.put_nowait(i)
    await drain(q)


asyncio.run(main())
