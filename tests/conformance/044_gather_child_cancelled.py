import asyncio


async def child(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    a = asyncio.create_task(child("a", 0.05))
    b = asyncio.create_task(child("b", 0.5))
    asyncio.get_running_loop().call_later(0.02, b.cancel)
    res = await asyncio.gather(a, b, return_exceptions=True)
    print("with return_exceptions:", [type(r).__name__ if isinstance(r, BaseException) else r for r in res])

    c = asyncio.create_task(child("c", 0.05))
    d = asyncio.create_task(child("d", 0.5))
    g = asyncio.gather(c, d)
    asyncio.get_running_loop().call_later(0.02, d.cancel)
    try:
        await g
    except asyncio.CancelledError:
        print("without: gather raised CancelledError; c done?", c.done())
    print("c still finishes:", await c)


asyncio.run(main())
