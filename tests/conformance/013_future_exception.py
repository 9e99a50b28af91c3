import asyncio


async def waiter(fut, name):
    try:
        value = await fut
        print(name, "got", value)
    except ZeroDivisionError as e:
        print(name, "caught", repr(e))


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    tasks = [asyncio.create_task(waiter(fut, n)) for n in ("w1", "w2")]
    await asyncio.sleep(0)
    print("setting exception")
    fut.set_exception(ZeroDivisionError("division by zero"))
    await asyncio.gather(*tasks)
    print("exception():", repr(fut.exception()))
    print(repr(fut))

    f2 = loop.create_future()
    loop.call_later(0.02, f2.set_result, [1, 2, 3])
    print("awaited future set by a timer:", await f2)


asyncio.run(main())
