import asyncio


async def resource_stream(name):
    print(name, "open")
    try:
        for i in range(100):
            await asyncio.sleep(0.03)
            yield i
    except GeneratorExit:
        print(name, "GeneratorExit")
        raise
    finally:
        print(name, "closed")


async def consume_some():
    stream = resource_stream("s1")
    try:
        async for x in stream:
            if x == 2:
                break
            print("s1 item", x)
    finally:
        await stream.aclose()


async def cancelled_consumer():
    stream = resource_stream("s2")
    try:
        async for x in stream:
            print("s2 item", x)
    finally:
        await stream.aclose()


async def main():
    await consume_some()
    t = asyncio.create_task(cancelled_consumer())
    await asyncio.sleep(0.075)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("consumer cancelled:", t.cancelled())


asyncio.run(main())
