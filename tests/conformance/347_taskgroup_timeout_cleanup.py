import asyncio

log = []


async def crawler(name, pages):
    try:
        for p in range(pages):
            await asyncio.sleep(0.02)
            log.append(f"{name} page {p}")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise
    finally:
        log.append(f"{name} closed")


async def main():
    tasks = []
    try:
        async with asyncio.timeout(0.07):
            async with asyncio.TaskGroup() as tg:
                tasks.append(tg.create_task(crawler("short", 1), name="short"))
                tasks.append(tg.create_task(crawler("long", 10), name="long"))
                tasks.append(tg.create_task(crawler("mid", 5), name="mid"))
    except TimeoutError:
        print("crawl timed out")
    for t in tasks:
        print(t.get_name(), "cancelled" if t.cancelled() else t.result())
    for line in sorted(log):
        print(line)
    print(asyncio.current_task().cancelling())


asyncio.run(main())
