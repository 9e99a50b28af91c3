import asyncio


async def process(item):
    await asyncio.sleep(item["cost"])
    if item.get("bad"):
        raise ValueError(f"item {item['id']} is corrupt")
    return item["id"] * 10


async def guarded(item, limit, stats):
    try:
        result = await asyncio.wait_for(process(item), timeout=limit)
        stats["ok"].append(item["id"])
        return result
    except TimeoutError:
        stats["timeout"].append(item["id"])
    except ValueError as e:
        stats["error"].append(str(e))
    return None


async def main():
    items = [
        {"id": 1, "cost": 0.01},
        {"id": 2, "cost": 0.3},
        {"id": 3, "cost": 0.02, "bad": True},
        {"id": 4, "cost": 0.04},
        {"id": 5, "cost": 0.5},
    ]
    stats = {"ok": [], "timeout": [], "error": []}
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(guarded(it, 0.1, stats)) for it in items]
    print("results:", [t.result() for t in tasks])
    for k, v in stats.items():
        print(f"{k:>7}: {v}")


asyncio.run(main())
