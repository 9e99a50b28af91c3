import asyncio


async def accumulator():
    total = 0
    try:
        while True:
            value = yield total
            await asyncio.sleep(0)
            if value is not None:
                total += value
    except ValueError as e:
        print("accumulator got thrown:", e)
        yield -1


async def failing_source():
    yield 1
    await asyncio.sleep(0)
    raise RuntimeError("source broke")


async def main():
    acc = accumulator()
    print(await acc.asend(None))
    print(await acc.asend(5))
    print(await acc.asend(10))
    print(await acc.athrow(ValueError("reset")))
    await acc.aclose()
    items = []
    try:
        async for x in failing_source():
            items.append(x)
    except RuntimeError as e:
        print("async for propagates:", e, "after", items)


asyncio.run(main())
