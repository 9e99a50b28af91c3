import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def stubborn():
    me = asyncio.current_task()
    for step in range(1, 4):
        try:
            await asyncio.sleep(1.0)
            print(f"[{now()}] stubborn: step {step} done")
        except asyncio.CancelledError:
            # MISTAKE: catching CancelledError and carrying on as if nothing happened
            print(f"[{now()}] stubborn: cancelled in step {step}, ignoring it")
            print(f"[{now()}] stubborn: cancelling() = {me.cancelling()} (still pending)")
    me.uncancel()  # if you really must swallow it, at least withdraw the request
    print(f"[{now()}] stubborn: after uncancel(), cancelling() = {me.cancelling()}")
    return "finished anyway"


async def main():
    global START
    START = asyncio.get_running_loop().time()
    task = asyncio.create_task(stubborn(), name="stubborn")
    try:
        result = await asyncio.wait_for(task, timeout=1.5)
        print(f"[{now()}] main: wait_for returned {result!r}, not TimeoutError")
    except TimeoutError:  # what should have happened
        print(f"[{now()}] main: wait_for raised TimeoutError")
    print(f"[{now()}] main: task.cancelled() = {task.cancelled()}")
    accepted = task.cancel()  # a finished task cannot be cancelled any more
    print(f"[{now()}] main: cancel() on the finished task -> {accepted}")


asyncio.run(main())
