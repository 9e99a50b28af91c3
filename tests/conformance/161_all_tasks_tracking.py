import asyncio


async def sleeper(d):
    await asyncio.sleep(d)


async def main():
    def count():
        return len(asyncio.all_tasks())

    print("only main:", count())
    ts = [asyncio.create_task(sleeper(0.05 * (i + 1)), name=f"s{i}") for i in range(3)]
    print("with three sleepers:", count(), sorted(t.get_name() for t in asyncio.all_tasks()))
    await ts[0]
    print("after the first finished:", count())
    await asyncio.gather(*ts)
    print("all done:", count())
    me = asyncio.current_task()
    print("current task is in all_tasks:", me in asyncio.all_tasks())


asyncio.run(main())
