import asyncio


async def job(name, *args, retries=0, **options):
    await asyncio.sleep(0)
    return f"{name} args={args} retries={retries} options={options}"


def describe(first, second=2, *rest, flag=False, **extra):
    return (first, second, rest, flag, extra)


async def main():
    print(await job("a"))
    print(await job("b", 1, 2, retries=3, color="red", size=2))
    params = {"retries": 1, "mode": "fast"}
    print(await job("c", *[10, 20], **params))
    print(describe(1))
    print(describe(1, 5, 6, 7, flag=True, z=0))
    first, *middle, last = [1, 2, 3, 4, 5]
    print(first, middle, last)
    (a, b), c = (1, 2), 3
    print(a, b, c)
    head, *tail = "xyz"
    print(head, tail)
    merged = {**{"a": 1, "b": 2}, **{"b": 3, "c": 4}}
    print(merged, [*range(3), *"ab"], (*[1], 2))
    results = await asyncio.gather(*(job(n, i) for i, n in enumerate("pq")))
    print(results)
    try:
        describe()
    except TypeError as e:
        print("TypeError:", e)
    try:
        describe(1, flag=True, second=3, first=0)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
