import asyncio


async def who(tag):
    me = asyncio.current_task()
    await asyncio.sleep(0)
    print(tag, "runs in", me.get_name(), "same after await:", me is asyncio.current_task())
    return me.get_name()


async def main():
    print("main runs in", asyncio.current_task().get_name())
    direct = await who("direct await")
    print("awaiting a coroutine stays in the same task:", direct)
    names = await asyncio.gather(who("g1"), who("g2"))
    print("gather wraps coroutines in new tasks:", names)
    t = asyncio.create_task(who("spawned"), name="spawned-task")
    print(await t)
    print("outside the loop there is no current task; all_tasks size now", len(asyncio.all_tasks()))


asyncio.run(main())
