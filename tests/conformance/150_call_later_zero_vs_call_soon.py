import asyncio


async def main():
    loop = asyncio.get_running_loop()
    order = []
    loop.call_later(0, order.append, "call_later(0)")
    loop.call_soon(order.append, "call_soon")
    loop.call_later(-1, order.append, "call_later(-1)")
    loop.call_soon(order.append, "call_soon 2")
    await asyncio.sleep(0)
    print("after one sleep(0):", order)
    await asyncio.sleep(0)
    print("after two:", order)

    order.clear()

    def chain(n):
        order.append(f"chain{n}")
        if n < 3:
            loop.call_soon(chain, n + 1)

    loop.call_soon(chain, 1)
    t = asyncio.create_task(asyncio.sleep(0))
    t.add_done_callback(lambda _: order.append("task done"))
    for i in range(4):
        await asyncio.sleep(0)
        order.append(f"main{i}")
    print(order)


asyncio.run(main())
