import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def greet(name, delay):
    print(f"[{now()}] {name}: started")
    await asyncio.sleep(delay)  # suspends this task; the loop runs others meanwhile
    print(f"[{now()}] {name}: finished")
    return f"hello from {name}"


async def main():
    global START
    START = asyncio.get_running_loop().time()
    # create_task schedules the coroutine; it first runs when main awaits something
    task = asyncio.create_task(greet("greeter", 1.5), name="greeter")
    print(f"[{now()}] main: created the task (it has not started yet)")
    await asyncio.sleep(0.5)  # main does its own waiting; greeter starts now
    print(f"[{now()}] main: back from my own sleep, greeter is still sleeping")
    result = await task  # main waits here until greeter returns
    print(f"[{now()}] main: got {result!r}")


asyncio.run(main())
