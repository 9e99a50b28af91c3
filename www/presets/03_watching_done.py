import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def download():
    await asyncio.sleep(1.0)
    return 42


def on_done(task):
    # A done callback is a plain function: the loop calls it soon after the task ends
    print(f"[{now()}] callback: {task.get_name()} finished with {task.result()}")


async def main():
    global START
    START = asyncio.get_running_loop().time()
    task = asyncio.create_task(download(), name="download")
    task.add_done_callback(on_done)
    try:
        task.result()  # asking for the result too early is an error
    except asyncio.InvalidStateError as e:
        print(f"[{now()}] main: result() too early -> InvalidStateError: {e}")
    while not task.done():  # polling; the callback above is usually the better tool
        print(f"[{now()}] main: done() is False, checking again in 0.3s")
        await asyncio.sleep(0.3)
    print(f"[{now()}] main: done() is True, result() = {task.result()}")


asyncio.run(main())
