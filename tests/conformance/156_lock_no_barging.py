import asyncio


async def main():
    lock = asyncio.Lock()
    log = []

    async def waiter():
        async with lock:
            log.append("waiter")

    async def newcomer():
        async with lock:
            log.append("newcomer")

    await lock.acquire()
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("waiter is queued; locked:", lock.locked())
    lock.release()
    print("released; locked() right after release:", lock.locked())
    n = asyncio.create_task(newcomer())
    await asyncio.gather(w, n)
    print("order:", log)


asyncio.run(main())
