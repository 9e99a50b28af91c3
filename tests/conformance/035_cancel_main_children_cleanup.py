import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    tasks = [asyncio.create_task(child(f"c{i}", 0.05 * i)) for i in range(1, 5)]
    await asyncio.sleep(0.12)
    pending = [t for t in tasks if not t.done()]
    print("pending:", [t.get_name() for t in pending])
    for t in pending:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results])


asyncio.run(main())
