import asyncio


async def fetch(key):
    await asyncio.sleep(0.01 * len(key))
    return {"key": key, "len": len(key)}


async def main():
    keys = ["alpha", "be", "gamma", "d"]
    async with asyncio.TaskGroup() as tg:
        tasks = {k: tg.create_task(fetch(k), name=f"fetch-{k}") for k in keys}
    for k, t in tasks.items():
        print(f"{t.get_name():<12} -> {t.result()}")
    by_len = sorted(tasks, key=lambda k: (tasks[k].result()["len"], k))
    print("by length:", by_len)


asyncio.run(main())
