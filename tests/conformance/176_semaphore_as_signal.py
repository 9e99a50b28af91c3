import asyncio


async def consumer(sem, name, log):
    await sem.acquire()
    log.append(name)
    print(name, "got a permit")


async def main():
    sem = asyncio.Semaphore(0)
    log = []
    tasks = [asyncio.create_task(consumer(sem, f"c{i}", log)) for i in range(3)]
    await asyncio.sleep(0)
    print("locked with value 0:", sem.locked())
    for i in range(3):
        print("release", i)
        sem.release()
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    print("order:", log, "locked:", sem.locked())


asyncio.run(main())
