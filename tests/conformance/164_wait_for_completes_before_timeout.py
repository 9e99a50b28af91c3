import asyncio


async def value_after(v, d):
    await asyncio.sleep(d)
    return v


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = []
    for d in (0.01, 0.05, 0.3):
        try:
            results.append(await asyncio.wait_for(value_after(d, d), timeout=0.12))
        except TimeoutError:
            results.append("timeout")
    print(results, "elapsed about", round(loop.time() - t0, 1))

    task = asyncio.create_task(value_after("task", 0.2))
    try:
        await asyncio.wait_for(task, 0.02)
    except TimeoutError:
        print("wait_for cancelled the task it was given:", task.cancelled())


asyncio.run(main())
