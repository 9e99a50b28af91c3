# The asyncio docs' first examples (Coroutines and Tasks), with loop time instead of
# time.strftime so the output is deterministic.
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def sequential(loop):
    t0 = loop.time()
    await say_after(0.1, "hello")
    await say_after(0.2, "world")
    print(f"sequential took {loop.time() - t0:.1f}s")


async def concurrent(loop):
    task1 = asyncio.create_task(say_after(0.1, "hello"))
    task2 = asyncio.create_task(say_after(0.2, "world"))
    t0 = loop.time()
    await task1
    await task2
    print(f"with tasks took {loop.time() - t0:.1f}s")


async def grouped(loop):
    t0 = loop.time()
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(say_after(0.1, "hello"))
        task2 = tg.create_task(say_after(0.2, "world"))
        print("both tasks are now scheduled")
    print(f"with a TaskGroup took {loop.time() - t0:.1f}s", task1.done(), task2.done())


async def main():
    loop = asyncio.get_running_loop()
    await sequential(loop)
    await concurrent(loop)
    await grouped(loop)


if __name__ == "__main__":
    asyncio.run(main())
