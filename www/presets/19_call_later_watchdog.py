import asyncio
import sys

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


def warn(name):
    # a plain callback run by the loop itself: it is not a task and cannot await
    print(f"[{now()}] watchdog: {name} is taking too long!", file=sys.stderr)


async def job(name, seconds, limit):
    loop = asyncio.get_running_loop()
    watchdog = loop.call_later(limit, warn, name)  # arm: call warn(name) in `limit` s
    print(f"[{now()}] {name}: started, watchdog armed for {limit}s")
    await asyncio.sleep(seconds)
    watchdog.cancel()  # disarm; does nothing if it already went off
    print(f"[{now()}] {name}: done after {seconds}s")


async def main():
    global START
    START = asyncio.get_running_loop().time()
    await asyncio.gather(
        asyncio.create_task(job("quick-job", 0.5, 1.0), name="quick-job"),
        asyncio.create_task(job("slow-job", 2.0, 1.0), name="slow-job"),
    )


asyncio.run(main())
