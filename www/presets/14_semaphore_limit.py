import asyncio

START = 0.0
in_flight = 0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def download(name, seconds, limit):
    global in_flight
    async with limit:  # waits here while 2 downloads are already running
        in_flight += 1
        print(f"[{now()}] {name}: start ({in_flight} in flight)")
        await asyncio.sleep(seconds)
        in_flight -= 1
        print(f"[{now()}] {name}: done after {seconds}s")


async def main():
    global START
    START = asyncio.get_running_loop().time()
    limit = asyncio.Semaphore(2)  # at most 2 downloads at the same time
    sizes = [1.0, 0.6, 0.8, 0.5, 0.7, 0.4]
    tasks = [asyncio.create_task(download(f"file-{i}", s, limit), name=f"file-{i}")
             for i, s in enumerate(sizes, start=1)]
    await asyncio.gather(*tasks)
    print(f"[{now()}] main: all {len(tasks)} files downloaded")


asyncio.run(main())
