import asyncio


async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    for attempt in range(2):
        try:
            await asyncio.wait_for(sem.acquire(), timeout=0.02)
            print("acquired?!")
        except TimeoutError:
            print("attempt", attempt, "timed out; locked:", sem.locked())
    sem.release()
    print("after release locked:", sem.locked())
    await sem.acquire()
    print("a timed-out waiter did not leak a permit; locked:", sem.locked())
    sem.release()

    lock = asyncio.Lock()
    async with lock:
        try:
            async with asyncio.timeout(0.02):
                await lock.acquire()
        except TimeoutError:
            print("lock acquire timed out; still held by us:", lock.locked())
    print("released normally:", lock.locked())


asyncio.run(main())
