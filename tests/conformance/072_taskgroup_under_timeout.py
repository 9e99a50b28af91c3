import asyncio


cancelled = []


async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "done")
    except asyncio.CancelledError:
        cancelled.append(name)  # TaskGroup cancels in set order: print sorted later
        raise


async def main():
    try:
        async with asyncio.timeout(0.05):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(worker("fast", 0.01))
                tg.create_task(worker("slow1", 0.5))
                tg.create_task(worker("slow2", 0.6))
    except TimeoutError:
        print("TimeoutError escapes, not an ExceptionGroup")
        print("cancelled:", sorted(cancelled))
        cancelled.clear()

    try:
        await asyncio.wait_for(asyncio.gather(worker("g1", 0.01), worker("g2", 0.5)), timeout=0.05)
    except TimeoutError:
        print("wait_for over gather: TimeoutError; cancelled:", cancelled)


asyncio.run(main())
