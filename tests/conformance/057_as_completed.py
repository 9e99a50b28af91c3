import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    coros = [job("slow", 0.12), job("fast", 0.02), job("mid", 0.06)]
    for i, next_done in enumerate(asyncio.as_completed(coros)):
        result = await next_done
        print(i, result)
    try:
        for fut in asyncio.as_completed([job("late", 0.3), job("early", 0.01)], timeout=0.1):
            print("got", await fut)
    except TimeoutError:
        print("as_completed timed out")


asyncio.run(main())
