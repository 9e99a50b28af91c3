import asyncio

log = []


async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(name)
        raise


async def main():
    t1 = asyncio.create_task(child("task1"))
    t2 = asyncio.create_task(child("task2"))
    g = asyncio.gather(t1, t2, child("coro3"))
    await asyncio.sleep(0.01)
    g.cancel()
    results = await asyncio.gather(g, return_exceptions=True)
    print("outer gather result:", [type(r).__name__ for r in results])
    print("cancelled in order:", log)
    print("tasks passed in are cancelled too:", t1.cancelled(), t2.cancelled())


asyncio.run(main())
