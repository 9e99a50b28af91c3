import asyncio


async def subscription(q, idle):
    try:
        while True:
            try:
                async with asyncio.timeout(idle):
                    item = await q.get()
            except TimeoutError:
                print(f"  idle for {idle}s, closing subscription")
                return
            yield item
    finally:
        print("  subscription cleanup")


async def publisher(q, schedule):
    for delay, item in schedule:
        await asyncio.sleep(delay)
        q.put_nowait(item)


async def main():
    q = asyncio.Queue()
    pub = asyncio.create_task(publisher(q, [(0.01, "a"), (0.02, "b"), (0.03, "c"), (0.3, "too late")]))
    received = []
    async for item in subscription(q, idle=0.1):
        received.append(item)
        print("got", item)
    print("received:", received)
    pub.cancel()
    await asyncio.gather(pub, return_exceptions=True)

    print("consumer stops early:")
    q2 = asyncio.Queue()
    for x in "xyz":
        q2.put_nowait(x)
    sub = subscription(q2, idle=0.1)
    async for item in sub:
        print("got", item)
        if item == "y":
            break
    await sub.aclose()


asyncio.run(main())
