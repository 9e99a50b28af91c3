import asyncio


async def waiter(fut):
    try:
        return await fut
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("the awaited future was cancelled too:", fut.cancelled())
    await asyncio.gather(t, return_exceptions=True)

    fut2 = loop.create_future()
    t2 = asyncio.create_task(waiter(fut2))
    await asyncio.sleep(0)
    fut2.cancel("future cancelled directly")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("task awaiting a cancelled future is cancelled:", t2.cancelled(), e.args)


asyncio.run(main())
