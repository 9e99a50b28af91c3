import asyncio


async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    async with lock, sem:
        print("inside: lock.locked()", lock.locked(), "sem.locked()", sem.locked())
        async with sem:
            print("second sem slot: locked()", sem.locked())
    print("outside: lock.locked()", lock.locked(), "sem.locked()", sem.locked())
    ev = asyncio.Event()
    print("Event is_set:", ev.is_set())


asyncio.run(main())
