import asyncio

async def worker(name):
    try:
        while True:
            print(f"{name} working")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{name} shutting down")
        await asyncio.sleep(0.2)
        print(f"{name} stopped")
        raise

async def main():
    tasks = [asyncio.create_task(worker(f"w{i}"), name=f"worker-{i}") for i in range(2)]
    await asyncio.sleep(2.5)
    for t in asyncio.all_tasks():
        if t is not asyncio.current_task():
            t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results], [t.get_name() for t in tasks])
    try:
        async with asyncio.timeout(0.5):
            await asyncio.shield(asyncio.sleep(1))
    except TimeoutError:
        print("shield under timeout: timed out")
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.3, fut.set_result, "late value")
    print(await fut)
    print(await asyncio.wait_for(asyncio.sleep(0.1, "quick"), timeout=1))

asyncio.run(main())
