import asyncio


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("acquire() returns", await lock.acquire(), "locked:", lock.locked())
    try:
        await asyncio.wait_for(lock.acquire(), timeout=0.02)
    except TimeoutError:
        print("a second acquire blocks (not reentrant)")
    lock.release()
    print("released, locked:", lock.locked())
    try:
        async with lock:
            print("inside async with, locked:", lock.locked())
            raise ValueError("oops")
    except ValueError:
        print("lock released on exception:", not lock.locked())


asyncio.run(main())
