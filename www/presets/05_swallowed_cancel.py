import asyncio

START = 0.0


def now():  # loop time since main() started, as text like '1.0s'
    return f"{asyncio.get_running_loop().time() - START:.1f}s"


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
        print(f"[{now()}] main: wait_for(timeout=1.5) returned {result!r}, no TimeoutError!")
    except TimeoutError:
        print(f"[{now()}] main: timed out (not printed: the cancel was swallowed)")
    print(f"[{now()}] main: task.cancelled() = {task.cancelled()}")
    print(f"[{now()}] main: cancel() on the finished task -> {task.cancel()}")


asyncio.run(main())
