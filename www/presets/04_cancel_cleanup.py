import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def worker():
    print(f"[{now()}] worker: opened a connection, starting a 3s job")
    try:
        await asyncio.sleep(3.0)  # main cancels us before this ends
        print(f"[{now()}] worker: job finished")
    except asyncio.CancelledError:
        print(f"[{now()}] worker: cancelled! rolling back")
        await asyncio.sleep(0.5)  # cleanup may await too
        print(f"[{now()}] worker: rollback complete")
        raise  # re-raise, so the task really ends as Cancelled
    finally:
        print(f"[{now()}] worker: closed the connection")


async def main():
    global START
    START = asyncio.get_running_loop().time()
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(1.0)
    accepted = task.cancel("user pressed stop")  # only a request, delivered at an await
    print(f"[{now()}] main: cancel() -> {accepted}")
    try:
        await task  # wait for the cleanup to finish
    except asyncio.CancelledError as e:
        print(f"[{now()}] main: worker ended with CancelledError({e.args[0]!r})")
    print(f"[{now()}] main: task.cancelled() = {task.cancelled()}")


asyncio.run(main())
