import asyncio
async def main():
    asyncio.sleep(1)
    print("forgot to await")
    q = asyncio.Queue()
    q.put(1)
    print(q.qsize())
asyncio.run(main())
