import asyncio

stock = 0


async def buyer(name, want, cond):
    global stock
    async with cond:
        await cond.wait_for(lambda: stock >= want)
        stock -= want
        print(f"{name} bought {want}, stock left {stock}")


async def main():
    global stock
    cond = asyncio.Condition()
    buyers = [asyncio.create_task(buyer("big", 5, cond)), asyncio.create_task(buyer("small", 2, cond))]
    for delivery in (1, 2, 3, 4):
        await asyncio.sleep(0.02)
        async with cond:
            stock += delivery
            print("delivered", delivery, "-> stock", stock)
            cond.notify_all()
    await asyncio.gather(*buyers)
    print("final stock", stock)


asyncio.run(main())
