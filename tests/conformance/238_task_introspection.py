# cpython: 3.12+ (why: named tasks do not use up a Task-N number since 3.12)
# Task introspection: names, current_task, all_tasks, iscoroutine/isfuture, ensure_future.
import asyncio


async def worker(n):
    me = asyncio.current_task()
    await asyncio.sleep(0.01 * n)
    return f"{me.get_name()} finished"


async def main():
    main_task = asyncio.current_task()
    print("main is", main_task.get_name())
    tasks = [asyncio.create_task(worker(n), name=f"worker-{n}") for n in range(3)]
    tasks[0].set_name("renamed")
    others = [t for t in asyncio.all_tasks() if t is not main_task]
    print("live tasks besides main:", len(others), sorted(t.get_name() for t in others))
    coro = worker(3)
    print("iscoroutine:", asyncio.iscoroutine(coro), asyncio.iscoroutine(tasks[0]))
    fut = asyncio.ensure_future(coro)
    print("ensure_future wraps a coroutine:", asyncio.isfuture(fut), fut.get_name())
    print("and returns a task as it is:", asyncio.ensure_future(fut) is fut)
    print(await asyncio.gather(*tasks, fut))
    print("after gather:", len(asyncio.all_tasks()), "task left (main)")
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
