# cpython: 3.12+ (why: 3.14 does not use up a Task-N number for a task created with name=; 3.11 does)
import asyncio


async def noop():
    await asyncio.sleep(0)


async def main():
    me = asyncio.current_task()
    print("main task:", me.get_name())
    t1 = asyncio.create_task(noop())
    t2 = asyncio.create_task(noop(), name="custom")
    t3 = asyncio.create_task(noop())
    print(t1.get_name(), t2.get_name(), t3.get_name())
    t3.set_name("renamed")
    print("after set_name:", t3.get_name())
    t4 = asyncio.ensure_future(noop())
    print("ensure_future gives a Task:", isinstance(t4, asyncio.Task), t4.get_name())
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print("all tasks:", names)
    await asyncio.gather(t1, t2, t3, t4)
    print("after gather:", sorted(t.get_name() for t in asyncio.all_tasks()))


asyncio.run(main())
