import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x * 3


async def main():
    data = [5, 12, 7, 20, 1]
    if (n := len(data)) > 3:
        print(f"{n} items")
    big = [y for x in data if (y := x * 2) > 10]
    print(big, y)
    vals = [await value(x) for x in range(4)]
    print(vals, [v async for v in agen(3)])
    total = 0
    while (chunk := data[total:total + 2]):
        print("chunk", chunk)
        total += 2
    matrix = [[i * j for j in range(3)] for i in range(3)]
    print(matrix, [row[i] for i, row in enumerate(matrix)], list(zip(*matrix)))
    print({k: len(k) for k in ["a", "bb", "ccc"]}, {x % 3 for x in range(10)})
    gen = (x for x in data if x > 5)
    data.append(100)
    print(list(gen))
    x = 10
    print([x for x in range(3)], x)
    print(any(v > 15 for v in data), all(v > 0 for v in data), sum(v for v in data if v % 2))
    funcs = {name: (lambda n=name: n.upper()) for name in ["ab", "cd"]}
    print({k: f() for k, f in funcs.items()})
    nums = [3, 1, 2]
    print(sorted(nums), nums.sort(), nums, nums.reverse(), nums, nums[::-1], nums[-2:])
    print(1 < 2 < 3, 1 < 3 < 2, (1 < 2) < 3, 2 == 2.0 == True, "a" < "b" <= "b")
    print([i for i in range(10) if i % 2 if i % 3], [(i, j) for i in range(3) for j in range(i)])


async def agen(n):
    for i in range(n):
        yield i * i


asyncio.run(main())
