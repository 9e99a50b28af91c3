import asyncio


async def score(name, points):
    await asyncio.sleep(0)
    return {"name": name, "points": points}


async def main():
    data = [("dana", 7), ("alex", 9), ("chris", 7), ("bo", 3), ("eve", 9)]
    rows = await asyncio.gather(*(score(n, p) for n, p in data))
    by_points = sorted(rows, key=lambda r: (-r["points"], r["name"]))
    print([r["name"] for r in by_points])
    print(sorted(data, key=lambda t: t[1], reverse=True))
    print(sorted(["b", "A", "c", "B"]), sorted(["b", "A", "c", "B"], key=str.lower))
    print(max(rows, key=lambda r: r["points"])["name"], min(data)[0])
    groups = {}
    for r in rows:
        groups.setdefault(r["points"], []).append(r["name"])
    print({k: groups[k] for k in sorted(groups)})
    print({n: p for n, p in data if p > 5})
    print([n.upper() for n, p in data if p % 2] or ["none"])
    print(sorted({p for _, p in data}), sum(p for _, p in data))
    matrix = [[i * j for j in range(1, 4)] for i in range(1, 4)]
    print(matrix, [row[i] for i, row in enumerate(matrix)], list(zip(*matrix)))
    print(list(enumerate("abc", 1)), list(map(lambda x: x * 2, [1, 2])), list(filter(None, [0, 1, "", "a"])))
    print(any(p > 8 for _, p in data), all(p > 2 for _, p in data), list(reversed([1, 2, 3])))


asyncio.run(main())
