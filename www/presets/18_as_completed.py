import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def query(mirror, seconds):
    await asyncio.sleep(seconds)
    return f"{mirror} answered in {seconds}s"


async def main():
    global START
    START = asyncio.get_running_loop().time()
    mirrors = [("mirror-eu", 1.2), ("mirror-us", 0.4), ("mirror-asia", 2.0)]
    tasks = [asyncio.create_task(query(name, s), name=name) for name, s in mirrors]
    answers = []
    # as_completed hands back results in the order they finish, not the order given
    for next_done in asyncio.as_completed(tasks):
        answers.append(await next_done)
        print(f"[{now()}] main: {answers[-1]}")
        if len(answers) == 2:
            print(f"[{now()}] main: {len(answers)} answers are enough, stop waiting")
            break
    for task in tasks:
        task.cancel()  # no effect on the finished ones; stops mirror-asia
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f"[{now()}] main: mirror-asia cancelled = {tasks[2].cancelled()}")


asyncio.run(main())
