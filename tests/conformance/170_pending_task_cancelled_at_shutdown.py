import asyncio


async def leftover():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("leftover: cancelled by asyncio.run at shutdown")
        await asyncio.sleep(0)
        print("leftover: cleanup finished")
        raise


async def main():
    asyncio.create_task(leftover(), name="leftover")
    await asyncio.sleep(0)
    print("main returns while a task is still pending")
    return "value"


print("asyncio.run returned", asyncio.run(main()))
