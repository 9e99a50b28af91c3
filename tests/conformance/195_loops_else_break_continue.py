import asyncio


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def find(target, n):
    async for x in agen(n):
        if x == target:
            print(f"found {target}")
            break
    else:
        print(f"{target} not found in {n} items")


async def main():
    await find(3, 5)
    await find(9, 5)
    evens = []
    async for x in agen(10):
        if x % 2:
            continue
        if x > 6:
            break
        evens.append(x)
    print(evens)
    i = 0
    while i < 3:
        i += 1
    else:
        print("while-else runs when the condition becomes false; i =", i)
    for word in ["alpha", "beta"]:
        for ch in word:
            if ch == "p":
                print(word, "has a p")
                break
        else:
            print(word, "has no p")
    total = 0
    for i in range(1, 20):
        if i % 3 == 0:
            continue
        total += i
        if total > 30:
            break
    print("total", total, "stopped at", i)


asyncio.run(main())
