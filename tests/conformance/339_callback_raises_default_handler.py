import asyncio


def tick(n):
    print("tick", n)
    if n == 2:
        {}["missing"]


async def main():
    loop = asyncio.get_running_loop()
    for n in range(1, 4):
        loop.call_soon(tick, n)
    await asyncio.sleep(0.01)
    print("loop survived the failing callback")
    fut = loop.create_future()

    def on_done(f):
        raise ZeroDivisionError("in done callback")

    fut.add_done_callback(on_done)
    fut.set_result(1)
    await asyncio.sleep(0.01)
    print("still alive")


asyncio.run(main())
