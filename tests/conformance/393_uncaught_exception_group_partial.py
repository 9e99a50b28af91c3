import asyncio


async def job(kind):
    await asyncio.sleep(0)
    if kind == "key":
        raise KeyError("k")
    if kind == "val":
        raise ValueError("v")
    return kind


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for k in ("ok", "key", "val"):
                tg.create_task(job(k))
    except* KeyError as eg:
        print("handled", [repr(e) for e in eg.exceptions])


asyncio.run(main())
