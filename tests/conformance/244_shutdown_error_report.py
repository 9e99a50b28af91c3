# A task still running when main returns is cancelled by asyncio.run; if it raises
# something else while cancelled, asyncio logs it with the task's repr.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ValueError("cleanup failed")


async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    print("main returns while stubborn() still runs")


asyncio.run(main())
print("asyncio.run returned normally")
