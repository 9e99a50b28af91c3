import asyncio


async def main():
    sem = asyncio.Semaphore(1)
    sem.release()
    sem.release()
    print("plain Semaphore may grow: three acquires without waiting")
    for _ in range(3):
        await sem.acquire()
    print("locked now:", sem.locked())

    bsem = asyncio.BoundedSemaphore(2)
    await bsem.acquire()
    bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
