import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def save(doc):
    print(f"[{now()}] save: writing {doc} (takes 3s)")
    await asyncio.sleep(3.0)
    print(f"[{now()}] save: {doc} written to disk")
    return "saved"


async def main():
    global START
    START = asyncio.get_running_loop().time()
    task = asyncio.create_task(save("report.txt"), name="save")
    try:
        # wait at most 1s; shield() means the timeout cancels only our wait,
        # not the save itself
        await asyncio.wait_for(asyncio.shield(task), timeout=1.0)
    except TimeoutError:
        print(f"[{now()}] main: gave up waiting after 1s")
    print(f"[{now()}] main: is the save still running? {not task.done()}")
    result = await task  # later, collect it anyway
    print(f"[{now()}] main: the save says {result!r}")


asyncio.run(main())
