import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def fetch(what, delay):
    print(f"[{now()}] fetch-{what}: request sent")
    await asyncio.sleep(delay)  # stands in for waiting on the network
    print(f"[{now()}] fetch-{what}: response arrived")
    return f"{what} ({delay}s)"


async def main():
    global START
    START = asyncio.get_running_loop().time()
    jobs = [("users", 1.0), ("orders", 2.0), ("prices", 1.5)]
    tasks = [asyncio.create_task(fetch(what, delay), name=f"fetch-{what}")
             for what, delay in jobs]
    # gather waits for all of them; the sleeps overlap, so this takes 2.0s, not 4.5s
    results = await asyncio.gather(*tasks)
    print(f"[{now()}] main: all three done")
    print(f"results, in the order they were passed: {results}")


asyncio.run(main())
