import asyncio


async def important():
    print("important: started")
    await asyncio.sleep(0.1)
    print("important: finished")
    return "saved"


async def main():
    inner = asyncio.create_task(important())
    waiter = asyncio.create_task(asyncio.wait_for(asyncio.shield(inner), timeout=0.03))
    try:
        await waiter
    except TimeoutError:
        print("wait_for timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())
    print("awaiting inner later:", await inner)


asyncio.run(main())
