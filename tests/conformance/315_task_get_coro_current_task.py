import asyncio


async def child(n):
    me = asyncio.current_task()
    print(f"child {n}: name={me.get_name()} coro={me.get_coro().__qualname__}")
    await asyncio.sleep(0.01 * n)
    return n * n


async def main():
    main_task = asyncio.current_task()
    print("main task name:", main_task.get_name())
    print("main coro:", main_task.get_coro().__name__)
    tasks = [asyncio.create_task(child(i), name=f"sq-{i}") for i in range(1, 4)]
    print("all tasks:", sorted(t.get_name() for t in asyncio.all_tasks()))
    print("main in all_tasks:", main_task in asyncio.all_tasks())
    coro = tasks[0].get_coro()
    print("coroutine object:", type(coro).__name__, coro.__name__, coro is tasks[0].get_coro())
    print(await asyncio.gather(*tasks))
    print("after gather:", sorted(t.get_name() for t in asyncio.all_tasks()))
    tasks[1].set_name("renamed")
    print(tasks[1].get_name(), tasks[1].done())
    print("current_task outside a task:", end=" ")
    try:
        asyncio.current_task()
    except RuntimeError:
        print("RuntimeError")
    else:
        print("ok inside run")
    print(asyncio.iscoroutine(coro), asyncio.isfuture(tasks[0]), asyncio.isfuture(coro))


asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("outside:", e)
