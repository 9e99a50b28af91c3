import asyncio


async def job(n):
    await asyncio.sleep(0.03 * n)
    if n == 2:
        raise ArithmeticError(f"job {n} failed")
    return n * 100


async def main():
    coros = [job(n) for n in (3, 1, 2, 4)]
    for fut in asyncio.as_completed(coros):
        try:
            print("result", await fut)
        except ArithmeticError as e:
            print("error", e)


asyncio.run(main())
