import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def worker(name, every, flush_time):
    handled = 0
    try:
        while True:  # a service loop: runs until someone cancels it
            await asyncio.sleep(every)
            handled += 1
            print(f"[{now()}] {name}: handled job {handled}")
    finally:  # runs on cancellation too: finish the bookkeeping before exiting
        print(f"[{now()}] {name}: shutting down, saving {handled} results")
        await asyncio.sleep(flush_time)
        print(f"[{now()}] {name}: saved, bye")


async def main():
    global START
    START = asyncio.get_running_loop().time()
    workers = [
        asyncio.create_task(worker("worker-1", 0.5, 0.2), name="worker-1"),
        asyncio.create_task(worker("worker-2", 0.7, 0.6), name="worker-2"),
    ]
    await asyncio.sleep(1.8)  # the service runs for a while, then:
    print(f"[{now()}] main: shutdown requested, cancelling the workers")
    for task in workers:
        task.cancel()
    # wait until every worker has finished its cleanup; collect errors, don't raise
    outcomes = await asyncio.gather(*workers, return_exceptions=True)
    print(f"[{now()}] main: all stopped: {[type(o).__name__ for o in outcomes]}")


asyncio.run(main())
