import asyncio


async def score(name, pts, delay):
    await asyncio.sleep(delay)
    return {"name": name, "pts": pts, "len": len(name)}


async def main():
    rows = await asyncio.gather(
        score("bob", 7, 0.003), score("al", 9, 0.001), score("cy", 7, 0.002),
        score("dee", 9, 0), score("ed", 3, 0.001),
    )
    print(sorted(rows, key=lambda r: (-r["pts"], r["name"])))
    print([r["name"] for r in sorted(rows, key=lambda r: (r["len"], -r["pts"]), reverse=True)])
    by_pts = {}
    for r in rows:
        by_pts.setdefault(r["pts"], []).append(r["name"])
    print(by_pts, list(by_pts), sorted(by_pts.items()))
    d = dict.fromkeys("hello")
    print(d, list(d))
    d["h"] = 1
    del d["e"]
    d["e"] = 2
    print(d, {**d, "l": 3, "z": 0})
    print({3, 1, 2, 10, 7, 1}, {-3, 4, 0}, set(range(5)) - {2}, {1, 2} | {8, 3})
    print(sorted({"pear", "fig", "apple"}), sorted("banana"), sorted([3, 1, 2], reverse=True))
    print(sorted([(1, "b"), (1, "a"), (0, "z")]), min([(2, 1), (1, 5)]), max("abc", key=ord))
    pairs = [("x", 3), ("y", 1), ("z", 2)]
    print(dict(sorted(pairs, key=lambda p: p[1])), dict(zip("abc", range(3))))
    print(sorted(["B", "a", "C"]), sorted(["B", "a", "C"], key=str.lower))
    print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[0])})
    print(frozenset({4, 2}) == {2, 4}, {1: "a"} == {1: "a", 2: "b"}, [1, 2] < [1, 2, 0])
    counts = {}
    for ch in "mississippi":
        counts[ch] = counts.get(ch, 0) + 1
    print(counts, sorted(counts, key=counts.get, reverse=True))
    try:
        sorted([1, "a"])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
