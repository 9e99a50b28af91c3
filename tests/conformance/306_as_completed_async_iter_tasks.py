# cpython: 3.12+ (why: as_completed supports async for and yields the original tasks since 3.13)
import asyncio


async def download(name, delay):
    await asyncio.sleep(delay)
    return f"{name}.zip"


async def main():
    tasks = [
        asyncio.create_task(download("big", 0.05), name="big"),
        asyncio.create_task(download("small", 0.01), name="small"),
        asyncio.create_task(download("medium", 0.03), name="medium"),
    ]
    async for t in asyncio.as_completed(tasks):
        print("finished:", t.get_name(), "is original:", any(t is x for x in tasks), t.result())

    order = []
    async for fut in asyncio.as_completed([download("c1", 0.02), download("c2", 0.01)]):
        order.append(await fut)
    print(order)

    it = asyncio.as_completed([download("n1", 0.01)])
    first = next(it)
    print("next() gives an awaitable:", await first)
    try:
        next(it)
    except StopIteration:
        print("StopIteration after the last one")


asyncio.run(main())
